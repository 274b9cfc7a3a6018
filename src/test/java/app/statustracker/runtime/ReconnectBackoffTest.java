package app.statustracker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    @Test
    void growsWithinBoundsAndResets() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(5_000));
        long maxSeen = 0;
        for (int i = 0; i < 30; i++) {
            long ms = b.next().toMillis();
            long ceiling = Math.min(5_000, 100L << Math.min(i, 20));
            assertTrue(ms >= 100 && ms <= ceiling, "attempt " + i + ": " + ms + " not in [100, " + ceiling + "]");
            maxSeen = Math.max(maxSeen, ms);
        }
        assertTrue(maxSeen > 1_000, "jitter reaches the upper range: " + maxSeen);
        b.reset();
        assertEquals(0, b.attempts());
        assertTrue(b.next().toMillis() <= 100);
    }
}
