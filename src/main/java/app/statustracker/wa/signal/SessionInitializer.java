package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.Hkdf;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * X3DH as libsignal-node's SessionBuilder.initSession computes it (docs/protocol.md, Signal). Both sides build the same
 * secret {@code 0xFF×32 ‖ DH1 ‖ DH2 ‖ DH3 [‖ DH4]} and keep only the first 32 bytes of HKDF("WhisperText") as root.
 */
final class SessionInitializer {
    private static final byte[] INFO = "WhisperText".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DISCONTINUITY = filled(32, (byte) 0xFF);

    private SessionInitializer() {
    }

    /** Alice with Bob's bundle. The signature is checked by the caller. */
    static SessionState initiator(LocalSignalIdentity ours, PreKeyBundle bundle, SecureRandom random)
            throws InvalidPublicKeyException {
        Curve25519KeyPair baseKey = Curve25519.generateKeyPair(random);
        byte[] theirSignedPreKey = bundle.signedPreKey();
        ByteArrayOutputStream secret = new ByteArrayOutputStream(160);
        secret.writeBytes(DISCONTINUITY);
        secret.writeBytes(Curve25519.sharedSecret(ours.identityKeyPair().privateKey(), theirSignedPreKey));
        secret.writeBytes(Curve25519.sharedSecret(baseKey.privateKey(), bundle.identityKey()));
        secret.writeBytes(Curve25519.sharedSecret(baseKey.privateKey(), theirSignedPreKey));
        if (bundle.preKey() != null) {
            secret.writeBytes(Curve25519.sharedSecret(baseKey.privateKey(), bundle.preKey()));
        }
        RootKey root = rootKey(secret.toByteArray());
        // libsignal-node: the initiator's first sending chain comes from a fresh ratchet key and their signed pre-key
        Curve25519KeyPair ourRatchetKey = Curve25519.generateKeyPair(random);
        RootKey.Step sending = root.step(theirSignedPreKey, ourRatchetKey);
        return new SessionState(bundle.registrationId(), bundle.identityKey(), baseKey.publicKey(), true,
                sending.rootKey(), ourRatchetKey, theirSignedPreKey, 0, sending.chainKey(), new ArrayList<>(),
                new PendingPreKey(bundle.preKeyId(), bundle.signedPreKeyId(), baseKey.publicKey()));
    }

    /**
     * Bob on Alice's pkmsg. His ratchet key starts as the signed pre-key; the sending chain appears when the
     * message inside the pkmsg steps the ratchet. {@code oneTimePreKey} is null when the pkmsg names none.
     */
    static SessionState responder(LocalSignalIdentity ours, PreKey oneTimePreKey, PreKeySignalMessage message)
            throws InvalidPublicKeyException {
        Curve25519KeyPair signedPreKey = ours.signedPreKey().keyPair();
        byte[] theirBaseKey = message.baseKey();
        ByteArrayOutputStream secret = new ByteArrayOutputStream(160);
        secret.writeBytes(DISCONTINUITY);
        secret.writeBytes(Curve25519.sharedSecret(signedPreKey.privateKey(), message.identityKey()));
        secret.writeBytes(Curve25519.sharedSecret(ours.identityKeyPair().privateKey(), theirBaseKey));
        secret.writeBytes(Curve25519.sharedSecret(signedPreKey.privateKey(), theirBaseKey));
        if (oneTimePreKey != null) {
            secret.writeBytes(Curve25519.sharedSecret(oneTimePreKey.keyPair().privateKey(), theirBaseKey));
        }
        return new SessionState(message.registrationId(), message.identityKey(), theirBaseKey, false,
                rootKey(secret.toByteArray()), signedPreKey, theirBaseKey, 0, null, new ArrayList<>(), null);
    }

    private static RootKey rootKey(byte[] secret) {
        return new RootKey(Arrays.copyOf(Hkdf.sha256(null, secret, INFO, 64), 32));
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
