package app.statustracker.wa.signal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairwise session records per remote device. Bulk first: sending a status means loading the sessions of every
 * recipient device in one query and writing the changed ones back in one batch (docs/protocol.md, Status stanza). The
 * service layer implements it on JPA (sealed like other key material); {@link InMemorySignalSessionStore} is the
 * reference. Implementations hand out records they do not keep a reference to, so a caller's changes count only once
 * stored.
 */
public interface SignalSessionStore {

    /** The stored records among {@code addresses}; addresses without one are absent from the map. */
    Map<SignalAddress, SessionRecord> loadAll(Collection<SignalAddress> addresses);

    /** Inserts or replaces each record. */
    void storeAll(Map<SignalAddress, SessionRecord> records);

    /** Forgets the sessions with these devices (e.g. a device that left the account). */
    void deleteAll(Collection<SignalAddress> addresses);

    default Optional<SessionRecord> load(SignalAddress address) {
        return Optional.ofNullable(loadAll(List.of(address)).get(address));
    }

    default void store(SignalAddress address, SessionRecord record) {
        storeAll(Map.of(address, record));
    }

    default void delete(SignalAddress address) {
        deleteAll(List.of(address));
    }
}
