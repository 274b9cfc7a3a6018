package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.util.Objects;

/**
 * Our side of every pairwise session: the identity key pair, the registration id we put in pkmsgs, and the signed
 * pre-key peers used from our bundle (WhatsApp companions keep one, as Baileys does; DeviceCredentials holds it).
 */
public record LocalSignalIdentity(Curve25519KeyPair identityKeyPair, int registrationId, SignedPreKey signedPreKey) {
    public LocalSignalIdentity {
        Objects.requireNonNull(identityKeyPair, "identityKeyPair");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
    }

    /** Raw 32-byte identity public key. */
    public byte[] identityKey() {
        return identityKeyPair.publicKey();
    }
}
