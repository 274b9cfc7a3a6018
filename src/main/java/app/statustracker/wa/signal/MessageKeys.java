package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of one pairwise message: HKDF(seed, salt 0×32, "WhisperMessageKeys", 80) split into the AES-256 key,
 * the HMAC key and the CBC IV (docs/protocol.md, Signal; libsignal-node derives 96 bytes and uses the first 16 of the
 * third block as IV, which is the same bytes).
 */
record MessageKeys(byte[] cipherKey, byte[] macKey, byte[] iv) {
    private static final byte[] INFO = "WhisperMessageKeys".getBytes(StandardCharsets.US_ASCII);

    static MessageKeys derive(byte[] seed) {
        byte[] okm = Hkdf.sha256(null, seed, INFO, 80);
        return new MessageKeys(Arrays.copyOfRange(okm, 0, 32), Arrays.copyOfRange(okm, 32, 64),
                Arrays.copyOfRange(okm, 64, 80));
    }

    byte[] encrypt(byte[] plaintext) {
        try {
            return cipher(Cipher.ENCRYPT_MODE).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC encryption failed", e);
        }
    }

    /** Only called after the MAC verified, so a failure here means a peer encrypted garbage with valid keys. */
    byte[] decrypt(byte[] ciphertext) throws InvalidSignalMessageException {
        try {
            return cipher(Cipher.DECRYPT_MODE).doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new InvalidSignalMessageException("AES-CBC decryption failed: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(cipherKey, "AES"), new IvParameterSpec(iv));
        return cipher;
    }
}
