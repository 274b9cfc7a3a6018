package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.util.Objects;

/** A one-time pre-key: a 24-bit id (1..16777215, allocated in sequence) and a Curve25519 key pair
 * (docs/protocol.md, Pre-keys). */
public record PreKey(int id, Curve25519KeyPair keyPair) {
    public static final int MAX_ID = 0xFFFFFF;

    public PreKey {
        if (id < 1 || id > MAX_ID) {
            throw new IllegalArgumentException("pre-key id must be 1..16777215, got " + id);
        }
        Objects.requireNonNull(keyPair, "keyPair");
    }

    public static PreKey generate(int id) {
        return new PreKey(id, Curve25519.generateKeyPair());
    }
}
