package app.statustracker.simulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The key material one device keeps on the server (docs/protocol.md, Pre-keys): its signed pre-key and the one-time
 * pre-keys not yet handed out, in id order (the digest hash lists them in that order, docs/protocol.md, Pre-keys).
 */
public final class DevicePreKeys {
    private final Map<Integer, PreKey> oneTime = new TreeMap<>();
    private SignedPreKey signedPreKey;
    private int uploads;

    /** Stores an upload: new one-time keys are added (same id replaces), the signed pre-key replaced. */
    public synchronized void store(List<PreKey> keys, SignedPreKey signed) {
        keys.forEach(key -> oneTime.put(key.id(), key));
        if (signed != null) {
            signedPreKey = signed;
        }
        uploads++;
    }

    public synchronized void rotate(SignedPreKey signed) {
        signedPreKey = signed;
    }

    /** Hands out (and forgets) the lowest one-time key, as the server does for a bundle request. */
    public synchronized Optional<PreKey> take() {
        if (oneTime.isEmpty()) {
            return Optional.empty();
        }
        int first = oneTime.keySet().iterator().next();
        return Optional.of(oneTime.remove(first));
    }

    public synchronized int count() {
        return oneTime.size();
    }

    public synchronized List<PreKey> oneTimeKeys() {
        return new ArrayList<>(oneTime.values());
    }

    public synchronized Optional<SignedPreKey> signedPreKey() {
        return Optional.ofNullable(signedPreKey);
    }

    /** How many upload iqs were stored; lets a test see that a client uploaded (again). */
    public synchronized int uploads() {
        return uploads;
    }
}
