package app.statustracker.wa.status;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link RecentStatuses}: the newest {@code capacity} statuses of one device, each for {@code maxAge}
 * (24 hours: a status expires then, and Baileys answers no retry for an older one). Thread-safe. A link status with
 * a thumbnail can be ~100 KB and a status to a thousand users holds a thousand JIDs, so the cap stays small.
 */
public final class InMemoryRecentStatuses implements RecentStatuses {
    public static final int DEFAULT_CAPACITY = 32;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, SentStatus> statuses = new LinkedHashMap<>();

    public InMemoryRecentStatuses() {
        this(DEFAULT_CAPACITY, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    public InMemoryRecentStatuses(int capacity, Duration maxAge, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void remember(SentStatus status) {
        statuses.remove(status.id());
        statuses.put(status.id(), status);
        while (statuses.size() > capacity) {
            statuses.remove(statuses.keySet().iterator().next());
        }
    }

    @Override
    public synchronized Optional<SentStatus> find(String messageId) {
        SentStatus status = statuses.get(messageId);
        if (status == null) {
            return Optional.empty();
        }
        if (status.sentAt().plus(maxAge).isBefore(clock.instant())) {
            statuses.remove(messageId);
            return Optional.empty();
        }
        return Optional.of(status);
    }
}
