package app.statustracker.wa.signal;

import java.util.Collection;
import java.util.Optional;

/**
 * The one-time pre-keys of one linked device. The service layer implements it on JPA (encrypted at rest);
 * tests use {@code wa.client.InMemoryPreKeyStore}. Id allocation is not here: the next id is part of the
 * device credentials, so ids stay unique across restarts.
 */
public interface PreKeyStore {

    /** Keeps newly generated pre-keys; called before they are uploaded. */
    void store(Collection<PreKey> preKeys);

    /** The pre-key a peer used in a pkmsg, if we still hold it. */
    Optional<PreKey> load(int id);

    /** Forgets a pre-key once a session built on it is established (it is one-time). */
    void remove(int id);
}
