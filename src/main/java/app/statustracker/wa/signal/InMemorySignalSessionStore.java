package app.statustracker.wa.signal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session records kept serialized in a map, so every load is a fresh copy exactly as from a database: for tests
 * and as the reference for the JPA implementation.
 */
public final class InMemorySignalSessionStore implements SignalSessionStore {
    private final Map<SignalAddress, byte[]> records = new ConcurrentHashMap<>();

    @Override
    public Map<SignalAddress, SessionRecord> loadAll(Collection<SignalAddress> addresses) {
        Map<SignalAddress, SessionRecord> found = new HashMap<>();
        for (SignalAddress address : addresses) {
            byte[] serialized = records.get(address);
            if (serialized != null) {
                found.put(address, SessionRecord.deserialize(serialized));
            }
        }
        return found;
    }

    @Override
    public void storeAll(Map<SignalAddress, SessionRecord> changed) {
        changed.forEach((address, record) -> records.put(address, record.serialize()));
    }

    @Override
    public void deleteAll(Collection<SignalAddress> addresses) {
        addresses.forEach(records::remove);
    }

    public int size() {
        return records.size();
    }
}
