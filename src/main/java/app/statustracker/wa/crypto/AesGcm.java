package app.statustracker.wa.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 12-byte IV and the 16-byte tag appended to the ciphertext (the layout WhatsApp,
 * Baileys and whatsmeow use). Uses the JDK cipher: it is hardware-accelerated, which matters for the
 * per-frame transport encryption. An instance keeps one key and one {@link Cipher}; it is not thread-safe.
 */
public final class AesGcm {
    public static final int KEY_LENGTH = 32;
    public static final int IV_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private static final byte[] NO_AAD = new byte[0];

    private final SecretKeySpec key;
    private final Cipher cipher;

    public AesGcm(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-256-GCM key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM/NoPadding", e);
        }
    }

    public static byte[] encrypt(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
        return new AesGcm(key).encrypt(iv, aad, plaintext);
    }

    public static byte[] decrypt(byte[] key, byte[] iv, byte[] aad, byte[] ciphertext) throws DecryptionFailedException {
        return new AesGcm(key).decrypt(iv, aad, ciphertext);
    }

    /** Returns ciphertext ‖ tag. A null aad is the same as an empty one. */
    public byte[] encrypt(byte[] iv, byte[] aad, byte[] plaintext) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters(iv));
            cipher.updateAAD(aad == null ? NO_AAD : aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            // only reachable through a programming error (bad IV length, reused IV on this instance)
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens ciphertext ‖ tag; any authentication failure or short input becomes a {@link DecryptionFailedException}. */
    public byte[] decrypt(byte[] iv, byte[] aad, byte[] ciphertext) throws DecryptionFailedException {
        if (ciphertext == null || ciphertext.length < TAG_LENGTH) {
            throw new DecryptionFailedException("AES-GCM ciphertext shorter than its 16-byte tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, parameters(iv));
            cipher.updateAAD(aad == null ? NO_AAD : aad);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException("AES-GCM authentication tag mismatch", e);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("AES-GCM decryption failed", e);
        }
    }

    private static GCMParameterSpec parameters(byte[] iv) {
        if (iv == null || iv.length != IV_LENGTH) {
            throw new IllegalArgumentException("AES-GCM IV must be 12 bytes");
        }
        return new GCMParameterSpec(TAG_LENGTH * 8, iv);
    }
}
