package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The device lists usync gave us, per LID user, for a few minutes (docs/protocol.md, Device lists): a second status
 * to the same audience goes out without asking the server again, as Baileys (its {@code userDevicesCache}, five
 * minutes) and whatsmeow do. A {@code devices} notification about a user drops that user's entry, whether it names
 * the user by LID or by phone number; so does a refused status, for its whole audience.
 *
 * <p>Bounded in time and size: entries older than the lifetime are never answered and are swept as new ones
 * arrive, and beyond {@code maxUsers} the oldest go first. Thread-safe.
 */
public final class DeviceListCache {
    private final Duration lifetime;
    private final int maxUsers;
    private final Clock clock;
    /* insertion order is age order: an entry is removed before it is stored again */
    private final LinkedHashMap<Jid, Entry> byLidUser = new LinkedHashMap<>();
    private final Map<Jid, Jid> lidByPhoneUser = new HashMap<>();

    private record Entry(List<Integer> devices, Jid phoneUser, Instant storedAt) {
    }

    /** @param lifetime zero turns the cache off (every post asks usync) */
    public DeviceListCache(Duration lifetime, int maxUsers, Clock clock) {
        if (lifetime.isNegative() || maxUsers < 0) {
            throw new IllegalArgumentException("device list cache: lifetime and size must not be negative");
        }
        this.lifetime = lifetime;
        this.maxUsers = maxUsers;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The fresh device ids of this LID user, if we have them. */
    public synchronized Optional<List<Integer>> devices(Jid lidUser) {
        Entry entry = byLidUser.get(lidUser);
        if (entry == null || !fresh(entry, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.devices());
    }

    /**
     * The LID user behind a phone-number user whose device list is fresh here: the mapping came with that list, so
     * a post within the lifetime needs neither the server nor the mapping store for it.
     */
    public synchronized Optional<Jid> lidOf(Jid phoneUser) {
        Jid lid = lidByPhoneUser.get(phoneUser);
        if (lid == null) {
            return Optional.empty();
        }
        Entry entry = byLidUser.get(lid);
        return entry != null && fresh(entry, clock.instant()) ? Optional.of(lid) : Optional.empty();
    }

    /**
     * Remembers what usync answered for a LID user; an empty list is never kept (a user always has a phone, so an
     * empty answer means we must ask again).
     *
     * @param phoneUser the user's phone-number JID when known, so a notification naming it finds the entry
     */
    public synchronized void store(Jid lidUser, Jid phoneUser, List<Integer> devices) {
        if (lifetime.isZero() || maxUsers == 0 || devices.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        remove(lidUser);
        byLidUser.put(lidUser, new Entry(List.copyOf(devices), phoneUser, now));
        if (phoneUser != null) {
            lidByPhoneUser.put(phoneUser, lidUser);
        }
        sweep(now);
    }

    /** A {@code devices} notification or a refused post: ask the server next time. The user by LID or phone number. */
    public synchronized void forget(Jid user) {
        Jid plain = user.withoutDevice();
        Jid lid = lidByPhoneUser.getOrDefault(plain, plain);
        remove(lid);
    }

    public synchronized void forgetAll(Collection<Jid> users) {
        users.forEach(this::forget);
    }

    synchronized int size() {
        return byLidUser.size();
    }

    private void remove(Jid lidUser) {
        Entry old = byLidUser.remove(lidUser);
        if (old != null && old.phoneUser() != null) {
            lidByPhoneUser.remove(old.phoneUser(), lidUser);
        }
    }

    private void sweep(Instant now) {
        Iterator<Map.Entry<Jid, Entry>> oldest = byLidUser.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<Jid, Entry> next = oldest.next();
            if (fresh(next.getValue(), now) && byLidUser.size() <= maxUsers) {
                return;
            }
            oldest.remove();
            if (next.getValue().phoneUser() != null) {
                lidByPhoneUser.remove(next.getValue().phoneUser(), next.getKey());
            }
        }
    }

    private boolean fresh(Entry entry, Instant now) {
        return entry.storedAt().plus(lifetime).isAfter(now);
    }
}
