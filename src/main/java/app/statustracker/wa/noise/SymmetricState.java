package app.statustracker.wa.noise;

import app.statustracker.wa.crypto.AesGcm;
import app.statustracker.wa.crypto.DecryptionFailedException;
import app.statustracker.wa.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The Noise symmetric state (h, ck, k, n) exactly as WhatsApp, Baileys and whatsmeow run it for
 * Noise_XX_25519_AESGCM_SHA256 (docs/protocol.md, Connection). Used by both the client handshake and the
 * simulator's responder, so the two cannot drift apart. Not thread-safe: a handshake runs on one thread.
 */
public final class SymmetricState {
    /** The protocol name is exactly 32 bytes after zero padding, so it becomes h without hashing. */
    static final byte[] PROTOCOL_NAME = Arrays.copyOf(
            "Noise_XX_25519_AESGCM_SHA256".getBytes(StandardCharsets.US_ASCII), 32);
    private static final byte[] EMPTY = new byte[0];

    private byte[] hash;
    private byte[] chainingKey;
    private AesGcm cipher;
    private long counter;

    public SymmetricState() {
        hash = PROTOCOL_NAME.clone();
        chainingKey = PROTOCOL_NAME.clone();
        // Baileys and whatsmeow key the cipher with the name before the first MixKey; XX never encrypts then.
        cipher = new AesGcm(PROTOCOL_NAME);
        counter = 0;
    }

    /** h = SHA-256(h ‖ data). */
    public void mixHash(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update(hash);
        sha256.update(data);
        hash = sha256.digest();
    }

    /** (ck, k) = HKDF(salt = ck, ikm, info = "", 64); n = 0. */
    public void mixKey(byte[] inputKeyMaterial) {
        byte[] out = Hkdf.sha256(chainingKey, inputKeyMaterial, EMPTY, 64);
        chainingKey = Arrays.copyOfRange(out, 0, 32);
        cipher = new AesGcm(Arrays.copyOfRange(out, 32, 64));
        counter = 0;
    }

    /** AES-GCM under k with IV(n) and h as associated data; then n += 1 and the ciphertext is mixed into h. */
    public byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.encrypt(CounterNonce.iv(counter), hash, plaintext);
        counter++;
        mixHash(ciphertext);
        return ciphertext;
    }

    /** The inverse of {@link #encryptAndHash}; a ciphertext that does not authenticate leaves h unchanged. */
    public byte[] decryptAndHash(byte[] ciphertext) throws DecryptionFailedException {
        byte[] plaintext = cipher.decrypt(CounterNonce.iv(counter), hash, ciphertext);
        counter++;
        mixHash(ciphertext);
        return plaintext;
    }

    /** HKDF(salt = ck, empty, "", 64): the first half keys client → server, the second server → client. */
    public TransportKeys split() {
        byte[] out = Hkdf.sha256(chainingKey, EMPTY, EMPTY, 64);
        return new TransportKeys(Arrays.copyOfRange(out, 0, 32), Arrays.copyOfRange(out, 32, 64));
    }

    /** The handshake hash so far, e.g. for tests that compare both ends. */
    public byte[] handshakeHash() {
        return hash.clone();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
