package app.statustracker.wa.signal;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Remote identity keys in a map: for tests and as the reference for the JPA implementation. */
public final class InMemoryIdentityKeyStore implements IdentityKeyStore {
    private final Map<SignalAddress, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public Map<SignalAddress, byte[]> loadAll(Collection<SignalAddress> addresses) {
        Map<SignalAddress, byte[]> found = new HashMap<>();
        for (SignalAddress address : addresses) {
            byte[] key = keys.get(address);
            if (key != null) {
                found.put(address, key.clone());
            }
        }
        return found;
    }

    @Override
    public Set<SignalAddress> saveAll(Map<SignalAddress, byte[]> identityKeys) {
        Set<SignalAddress> changed = new HashSet<>();
        identityKeys.forEach((address, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("identity key must be 32 bytes");
            }
            byte[] previous = keys.put(address, key.clone());
            if (previous != null && !Arrays.equals(previous, key)) {
                changed.add(address);
            }
        });
        return changed;
    }
}
