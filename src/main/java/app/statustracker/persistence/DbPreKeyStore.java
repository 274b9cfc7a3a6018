package app.statustracker.persistence;

import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.PreKeyStore;
import java.util.Collection;
import java.util.Optional;

/** One session's one-time pre-keys, as the protocol client sees them. */
public final class DbPreKeyStore implements PreKeyStore {
    private final KeyMaterialRepository repository;
    private final long sessionPk;

    public DbPreKeyStore(KeyMaterialRepository repository, long sessionPk) {
        this.repository = repository;
        this.sessionPk = sessionPk;
    }

    @Override
    public void store(Collection<PreKey> preKeys) {
        repository.storePreKeys(sessionPk, preKeys);
    }

    @Override
    public Optional<PreKey> load(int id) {
        return repository.loadPreKey(sessionPk, id);
    }

    @Override
    public void remove(int id) {
        repository.removePreKey(sessionPk, id);
    }
}
