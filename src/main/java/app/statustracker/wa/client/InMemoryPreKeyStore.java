package app.statustracker.wa.client;

import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.PreKeyStore;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pre-keys in a map: for tests and throw-away devices. */
public final class InMemoryPreKeyStore implements PreKeyStore {
    private final Map<Integer, PreKey> preKeys = new ConcurrentHashMap<>();

    @Override
    public void store(Collection<PreKey> newPreKeys) {
        newPreKeys.forEach(preKey -> preKeys.put(preKey.id(), preKey));
    }

    @Override
    public Optional<PreKey> load(int id) {
        return Optional.ofNullable(preKeys.get(id));
    }

    @Override
    public void remove(int id) {
        preKeys.remove(id);
    }

    public int size() {
        return preKeys.size();
    }
}
