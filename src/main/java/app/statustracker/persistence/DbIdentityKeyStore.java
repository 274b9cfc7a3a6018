package app.statustracker.persistence;

import app.statustracker.wa.signal.IdentityKeyStore;
import app.statustracker.wa.signal.SignalAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The identity keys of the devices one linked device talks to, sealed in {@code signal_identities}. Saving compares
 * with what is stored first, so only new or changed keys are written and a changed one is reported (trust on first
 * use and on change, docs/protocol.md, Signal).
 */
public final class DbIdentityKeyStore implements IdentityKeyStore {
    private final SealedRecordRepository repository;
    private final long sessionPk;

    public DbIdentityKeyStore(SealedRecordRepository repository, long sessionPk) {
        this.repository = repository;
        this.sessionPk = sessionPk;
    }

    @Override
    public Map<SignalAddress, byte[]> loadAll(Collection<SignalAddress> addresses) {
        Map<String, SignalAddress> byKey = new HashMap<>();
        addresses.forEach(a -> byKey.put(a.toString(), a));
        Map<SignalAddress, byte[]> found = new LinkedHashMap<>();
        repository.load(SealedTable.SIGNAL_IDENTITIES, sessionPk, byKey.keySet())
                .forEach((key, bytes) -> found.put(byKey.get(key), bytes));
        return found;
    }

    @Override
    public Set<SignalAddress> saveAll(Map<SignalAddress, byte[]> identityKeys) {
        Map<SignalAddress, byte[]> stored = loadAll(identityKeys.keySet());
        Map<String, byte[]> writes = new LinkedHashMap<>();
        Set<SignalAddress> replaced = new HashSet<>();
        identityKeys.forEach((address, key) -> {
            byte[] old = stored.get(address);
            if (old == null || !Arrays.equals(old, key)) {
                writes.put(address.toString(), key);
                if (old != null) {
                    replaced.add(address);
                }
            }
        });
        repository.store(SealedTable.SIGNAL_IDENTITIES, sessionPk, writes);
        return replaced;
    }
}
