package app.statustracker.persistence;

import app.statustracker.wa.signal.SessionRecord;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalSessionStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One linked device's Signal sessions, sealed in {@code signal_sessions}; every batch is one query or one JDBC batch. */
public final class DbSignalSessionStore implements SignalSessionStore {
    private final SealedRecordRepository repository;
    private final long sessionPk;

    public DbSignalSessionStore(SealedRecordRepository repository, long sessionPk) {
        this.repository = repository;
        this.sessionPk = sessionPk;
    }

    @Override
    public Map<SignalAddress, SessionRecord> loadAll(Collection<SignalAddress> addresses) {
        Map<String, SignalAddress> byKey = new HashMap<>();
        addresses.forEach(a -> byKey.put(a.toString(), a));
        Map<SignalAddress, SessionRecord> found = new LinkedHashMap<>();
        repository.load(SealedTable.SIGNAL_SESSIONS, sessionPk, byKey.keySet())
                .forEach((key, bytes) -> found.put(byKey.get(key), SessionRecord.deserialize(bytes)));
        return found;
    }

    @Override
    public void storeAll(Map<SignalAddress, SessionRecord> records) {
        Map<String, byte[]> rows = new LinkedHashMap<>();
        records.forEach((address, record) -> rows.put(address.toString(), record.serialize()));
        repository.store(SealedTable.SIGNAL_SESSIONS, sessionPk, rows);
    }

    @Override
    public void deleteAll(Collection<SignalAddress> addresses) {
        List<String> keys = addresses.stream().map(SignalAddress::toString).toList();
        repository.delete(SealedTable.SIGNAL_SESSIONS, sessionPk, keys);
    }
}
