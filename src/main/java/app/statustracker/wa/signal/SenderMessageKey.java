package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of one sender-key message: {@code HKDF(seed, salt = 0×32, "WhisperGroup", 48)} split into
 * iv = [0..16] and cipherKey = [16..48], used for AES-256-CBC with PKCS#7 (docs/protocol.md, Signal). Skipped
 * iterations are kept as the 32-byte seed, as libsignal does, and expanded only when used. Immutable.
 */
final class SenderMessageKey {
    static final int SEED_LENGTH = 32;
    private static final byte[] INFO = "WhisperGroup".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO_SALT = new byte[32];

    private final int iteration;
    private final byte[] seed;

    SenderMessageKey(int iteration, byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("message key seed must be 32 bytes");
        }
        this.iteration = iteration;
        this.seed = seed.clone();
    }

    int iteration() {
        return iteration;
    }

    byte[] seed() {
        return seed.clone();
    }

    byte[] encrypt(byte[] plaintext) {
        try {
            return cipher(Cipher.ENCRYPT_MODE).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC encryption failed", e);
        }
    }

    byte[] decrypt(byte[] ciphertext) throws SenderKeyException {
        try {
            return cipher(Cipher.DECRYPT_MODE).doFinal(ciphertext);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new SenderKeyException("skmsg ciphertext of iteration " + iteration + " does not decrypt", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC decryption unavailable", e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        byte[] derived = Hkdf.sha256(ZERO_SALT, seed, INFO, 48);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(Arrays.copyOfRange(derived, 16, 48), "AES"),
                new IvParameterSpec(Arrays.copyOfRange(derived, 0, 16)));
        return cipher;
    }
}
