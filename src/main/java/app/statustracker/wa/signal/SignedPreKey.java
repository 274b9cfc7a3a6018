package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import java.util.Objects;

/**
 * The signed pre-key: signed by the identity key over {@code 0x05 ‖ pub} (the libsignal serialized form,
 * docs/protocol.md, Signal), with a 24-bit id.
 */
public record SignedPreKey(int id, Curve25519KeyPair keyPair, byte[] signature) {
    public SignedPreKey {
        if (id < 0 || id > PreKey.MAX_ID) {
            throw new IllegalArgumentException("signed pre-key id must fit 24 bits, got " + id);
        }
        Objects.requireNonNull(keyPair, "keyPair");
        if (signature == null || signature.length != XEdDsa.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signed pre-key signature must be 64 bytes");
        }
        signature = signature.clone();
    }

    public static SignedPreKey generate(Curve25519KeyPair identity, int id) {
        Curve25519KeyPair keyPair = Curve25519.generateKeyPair();
        byte[] signature = XEdDsa.sign(identity.privateKey(), Curve25519.withTypePrefix(keyPair.publicKey()));
        return new SignedPreKey(id, keyPair, signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether the signature verifies under this identity public key. */
    public boolean isSignedBy(byte[] identityPublicKey) {
        return XEdDsa.verify(identityPublicKey, Curve25519.withTypePrefix(keyPair.publicKey()), signature);
    }
}
