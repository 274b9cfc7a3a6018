package app.statustracker.wa.signal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SenderKeyStore} in a map, for tests and tools. It keeps serialized bytes, not the live records, so a
 * record changed without {@link #store} stays unchanged here, exactly as with a database-backed store.
 */
public final class InMemorySenderKeyStore implements SenderKeyStore {
    private final Map<SenderKeyName, byte[]> records = new ConcurrentHashMap<>();

    @Override
    public SenderKeyRecord load(SenderKeyName name) {
        byte[] stored = records.get(name);
        return stored == null ? new SenderKeyRecord() : SenderKeyRecord.deserialize(stored);
    }

    @Override
    public void store(SenderKeyName name, SenderKeyRecord record) {
        records.put(name, record.serialize());
    }

    public boolean contains(SenderKeyName name) {
        return records.containsKey(name);
    }
}
