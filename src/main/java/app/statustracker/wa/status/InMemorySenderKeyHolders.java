package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link SenderKeyHolders} in a map, for tests and clients without a database. */
public final class InMemorySenderKeyHolders implements SenderKeyHolders {
    private final Map<Integer, Set<Jid>> holders = new HashMap<>();

    @Override
    public synchronized Set<Jid> holders(int keyId) {
        return Set.copyOf(holders.getOrDefault(keyId, Set.of()));
    }

    @Override
    public synchronized void add(int keyId, Collection<Jid> devices) {
        holders.computeIfAbsent(keyId, id -> new HashSet<>()).addAll(devices);
    }

    @Override
    public synchronized void forget(int keyId) {
        holders.remove(keyId);
    }
}
