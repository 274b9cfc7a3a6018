package app.statustracker.wa.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * XEdDSA signatures with Curve25519 (Montgomery) keys, byte-compatible with libsignal's curve25519
 * ("curve_sigs") used by Baileys, whatsmeow and WhatsApp (docs/protocol.md, Signal).
 *
 * <p>Signing uses the clamped Montgomery scalar a as the Edwards private scalar, A = a·B, and puts A's
 * sign bit into the top bit of the signature's last byte (s &lt; 2^253 leaves that bit free). The verifier
 * has only the Montgomery u, which loses the sign, so it rebuilds A from y = (u − 1)/(u + 1) plus that bit
 * and runs ordinary Ed25519 verification (BouncyCastle).
 */
public final class XEdDsa {
    public static final int SIGNATURE_LENGTH = 64;
    public static final int RANDOM_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** XEdDSA's hash1 domain separator: 0xFE followed by 31 × 0xFF (2^256 − 2, little-endian). */
    private static final byte[] HASH1_PREFIX = new byte[32];

    static {
        Arrays.fill(HASH1_PREFIX, (byte) 0xFF);
        HASH1_PREFIX[0] = (byte) 0xFE;
    }

    private XEdDsa() {
    }

    /** Signs with 64 fresh random bytes in the nonce hash, as XEdDSA specifies. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        byte[] random = new byte[RANDOM_LENGTH];
        RANDOM.nextBytes(random);
        return sign(privateKey, message, random);
    }

    /**
     * Signs with caller-chosen nonce randomness Z. With the same Z, the output equals curve25519-js
     * {@code sign(privateKey, message, Z)} byte for byte, which is how the test vectors are checked.
     */
    public static byte[] sign(byte[] privateKey, byte[] message, byte[] random) {
        Curve25519.requireLength(privateKey, "private key");
        if (random == null || random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("XEdDSA randomness must be 64 bytes");
        }
        byte[] scalarBytes = Curve25519.clamp(privateKey);
        BigInteger a = EdwardsPoint.fromLittleEndian(scalarBytes, 0, 32);
        byte[] publicPoint = EdwardsPoint.BASE.multiply(a).encode();

        BigInteger r = reduce(sha512(HASH1_PREFIX, scalarBytes, message, random));
        byte[] commitment = EdwardsPoint.BASE.multiply(r).encode();
        BigInteger h = reduce(sha512(commitment, publicPoint, message));
        BigInteger s = r.add(h.multiply(a)).mod(EdwardsPoint.L);

        byte[] signature = new byte[SIGNATURE_LENGTH];
        System.arraycopy(commitment, 0, signature, 0, 32);
        System.arraycopy(EdwardsPoint.littleEndian(s), 0, signature, 32, 32);
        signature[63] |= (byte) (publicPoint[31] & 0x80);
        return signature;
    }

    /**
     * True iff {@code signature} is a valid XEdDSA signature of {@code message} under the 32-byte Montgomery
     * public key. Malformed input (wrong lengths, a key with no Edwards counterpart) is simply invalid.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || message == null
                || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        byte[] edwardsKey = edwardsPublicKey(publicKey, (byte) (signature[63] & 0x80));
        if (edwardsKey == null) {
            return false;
        }
        byte[] ed25519Signature = signature.clone();
        ed25519Signature[63] &= 0x7F;
        return Ed25519.verify(ed25519Signature, 0, edwardsKey, 0, message, 0, message.length);
    }

    /**
     * Montgomery u → Edwards y = (u − 1)/(u + 1) mod p, encoded with the given sign bit. Like curve25519-js,
     * bit 255 of u is ignored and u is reduced mod p. u = −1 has no image (division by zero): null.
     */
    static byte[] edwardsPublicKey(byte[] montgomeryKey, byte signBit) {
        byte[] masked = montgomeryKey.clone();
        masked[31] &= 0x7F;
        BigInteger u = EdwardsPoint.fromLittleEndian(masked, 0, 32).mod(EdwardsPoint.P);
        BigInteger denominator = u.add(BigInteger.ONE).mod(EdwardsPoint.P);
        if (denominator.signum() == 0) {
            return null;
        }
        BigInteger y = u.subtract(BigInteger.ONE).multiply(denominator.modInverse(EdwardsPoint.P)).mod(EdwardsPoint.P);
        byte[] encoded = EdwardsPoint.littleEndian(y);
        encoded[31] |= signBit;
        return encoded;
    }

    private static BigInteger reduce(byte[] digest) {
        return EdwardsPoint.fromLittleEndian(digest, 0, digest.length).mod(EdwardsPoint.L);
    }

    private static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    }
}
