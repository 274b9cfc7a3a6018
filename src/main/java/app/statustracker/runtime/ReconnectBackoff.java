package app.statustracker.runtime;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter between reconnect attempts: after a network outage a thousand sessions
 * must not all knock on WhatsApp's door in the same second.
 */
public final class ReconnectBackoff {
    private final long minMs;
    private final long maxMs;
    private int attempt;

    public ReconnectBackoff(Duration min, Duration max) {
        this.minMs = Math.max(1, min.toMillis());
        this.maxMs = Math.max(minMs, max.toMillis());
    }

    /** The wait before the next attempt: a random point in [min, min·2^attempt], capped at max. */
    public Duration next() {
        long ceiling = minMs << Math.min(attempt, 20);
        attempt++;
        long capped = Math.min(maxMs, Math.max(minMs, ceiling));
        return Duration.ofMillis(minMs + ThreadLocalRandom.current().nextLong(capped - minMs + 1));
    }

    /** A successful login starts the sequence over. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
