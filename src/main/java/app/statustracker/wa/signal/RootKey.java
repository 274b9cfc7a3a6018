package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.Hkdf;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The Double Ratchet root key; each ratchet step mixes a new DH output into it (docs/protocol.md, Signal). */
record RootKey(byte[] key) {
    private static final byte[] INFO = "WhisperRatchet".getBytes(StandardCharsets.US_ASCII);

    /** A new root key and the chain that starts at index 0. */
    record Step(RootKey rootKey, ChainKey chainKey) {
    }

    /** (RK', CK) = HKDF(ikm = DH(ours, theirs), salt = RK, "WhisperRatchet", 64). */
    Step step(byte[] theirRatchetKey, Curve25519KeyPair ourRatchetKey) throws InvalidPublicKeyException {
        byte[] shared = Curve25519.sharedSecret(ourRatchetKey.privateKey(), theirRatchetKey);
        byte[] okm = Hkdf.sha256(key, shared, INFO, 64);
        return new Step(new RootKey(Arrays.copyOfRange(okm, 0, 32)), new ChainKey(Arrays.copyOfRange(okm, 32, 64), 0));
    }
}
