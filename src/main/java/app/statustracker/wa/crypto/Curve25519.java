package app.statustracker.wa.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 key generation and agreement on raw 32-byte keys (BouncyCastle's RFC 7748 code), plus the
 * libsignal "DJB type" form {@code 0x05 ‖ key} that some Signal structures carry (docs/protocol.md, Signal).
 * Noise and most WhatsApp fields use the raw 32 bytes; only callers that build Signal structures add the prefix.
 */
public final class Curve25519 {
    public static final int KEY_LENGTH = 32;
    /** libsignal's key-type byte for Curve25519 ("DJB") public keys. */
    public static final byte DJB_TYPE = 0x05;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Curve25519() {
    }

    public static Curve25519KeyPair generateKeyPair() {
        return generateKeyPair(RANDOM);
    }

    public static Curve25519KeyPair generateKeyPair(SecureRandom random) {
        byte[] privateKey = new byte[KEY_LENGTH];
        X25519.generatePrivateKey(random, privateKey);
        return new Curve25519KeyPair(privateKey, publicKeyOf(privateKey));
    }

    /** The Montgomery public key of a private key; the private key is clamped first, as X25519 does anyway. */
    public static byte[] publicKeyOf(byte[] privateKey) {
        requireLength(privateKey, "private key");
        byte[] publicKey = new byte[KEY_LENGTH];
        X25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return publicKey;
    }

    /**
     * X25519(privateKey, peerPublicKey). A peer key of a low-order point gives the all-zero secret, which
     * would make every derived key predictable, so it is refused rather than mixed into a handshake.
     */
    public static byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey) throws InvalidPublicKeyException {
        requireLength(privateKey, "private key");
        if (peerPublicKey == null || peerPublicKey.length != KEY_LENGTH) {
            throw new InvalidPublicKeyException("peer public key must be 32 bytes, got "
                    + (peerPublicKey == null ? "none" : peerPublicKey.length));
        }
        byte[] secret = new byte[KEY_LENGTH];
        if (!X25519.calculateAgreement(privateKey, 0, peerPublicKey, 0, secret, 0)) {
            throw new InvalidPublicKeyException("peer public key is a low-order point");
        }
        return secret;
    }

    /** Clamps a copy of an X25519 scalar ({@code k[0] &= 248; k[31] &= 127; k[31] |= 64}). */
    public static byte[] clamp(byte[] privateKey) {
        requireLength(privateKey, "private key");
        byte[] clamped = privateKey.clone();
        X25519.clampPrivateKey(clamped);
        return clamped;
    }

    /** {@code 0x05 ‖ key}: the 33-byte form libsignal serializes and signs (signed pre-keys, Signal messages). */
    public static byte[] withTypePrefix(byte[] publicKey) {
        requireLength(publicKey, "public key");
        byte[] prefixed = new byte[KEY_LENGTH + 1];
        prefixed[0] = DJB_TYPE;
        System.arraycopy(publicKey, 0, prefixed, 1, KEY_LENGTH);
        return prefixed;
    }

    /** The raw 32-byte key of a 33-byte {@code 0x05 ‖ key}; anything else is refused. */
    public static byte[] withoutTypePrefix(byte[] prefixedKey) throws InvalidPublicKeyException {
        if (prefixedKey == null || prefixedKey.length != KEY_LENGTH + 1 || prefixedKey[0] != DJB_TYPE) {
            throw new InvalidPublicKeyException("expected a 33-byte public key starting with type byte 0x05");
        }
        return Arrays.copyOfRange(prefixedKey, 1, KEY_LENGTH + 1);
    }

    static void requireLength(byte[] key, String what) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + (key == null ? "none" : key.length));
        }
    }
}
