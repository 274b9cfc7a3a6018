package app.statustracker.wa.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869) over BouncyCastle's lightweight generator. */
public final class Hkdf {
    private static final byte[] EMPTY = new byte[0];

    private Hkdf() {
    }

    /**
     * Extract-then-expand. A null or empty salt means HashLen zero bytes, as RFC 5869 says; a null info is empty.
     */
    public static byte[] sha256(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        if (length < 0 || length > 255 * 32) {
            throw new IllegalArgumentException("HKDF-SHA256 output length must be 0..8160, got " + length);
        }
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        byte[] ikm = inputKeyMaterial == null ? EMPTY : inputKeyMaterial;
        byte[] saltOrNull = salt == null || salt.length == 0 ? null : salt;
        generator.init(new HKDFParameters(ikm, saltOrNull, info == null ? EMPTY : info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
