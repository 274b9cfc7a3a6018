package app.statustracker.api.ratelimit;

import app.statustracker.config.Settings;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Bucket4j bucket per client address, refilled all at once at the end of each window: the same
 * "N requests per window" the seed's server enforced. Full buckets carry no information and are dropped
 * now and then, so idle clients cost no memory.
 */
@ApplicationScoped
public class LocalRateLimitBuckets implements RateLimitBuckets {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private long capacity;
    private Duration window;

    @Inject
    Settings settings;

    @PostConstruct
    void init() {
        configure(settings.rateLimitMax(), settings.rateLimitWindow());
    }

    void configure(long max, Duration window) {
        this.capacity = max;
        this.window = window;
        buckets.clear();
    }

    @Override
    public ConsumptionProbe tryConsume(String clientKey) {
        sweepNowAndThen();
        return buckets.computeIfAbsent(clientKey, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
                .build();
    }

    private void sweepNowAndThen() {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last > window.toNanos() && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public long windowSeconds() {
        return Math.max(1, (window.toMillis() + 999) / 1000);
    }
}
