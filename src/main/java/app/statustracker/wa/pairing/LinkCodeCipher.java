package app.statustracker.wa.pairing;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps an ephemeral public key under a pairing code (docs/protocol.md, Pairing): the code stretched with
 * PBKDF2-HMAC-SHA256 (131072 iterations, 32 bytes) over a fresh salt keys AES-256-CTR whose full 16-byte IV is
 * the initial counter block. The wrapped form is {@code salt(32) ‖ iv(16) ‖ ciphertext(32)} = 80 bytes, the
 * same in both directions (companion_hello and primary_hello).
 */
public final class LinkCodeCipher {
    public static final int ITERATIONS = 2 << 16;
    public static final int SALT_LENGTH = 32;
    public static final int IV_LENGTH = 16;
    public static final int KEY_LENGTH = 32;
    public static final int WRAPPED_LENGTH = SALT_LENGTH + IV_LENGTH + KEY_LENGTH;

    private LinkCodeCipher() {
    }

    /** PBKDF2-HMAC-SHA256(password = the 8 ASCII characters, salt, 131072, 32 bytes). */
    public static byte[] codeKey(LinkCode code, byte[] salt) {
        char[] password = code.value().toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, KEY_LENGTH * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    public static byte[] wrap(LinkCode code, byte[] publicKey, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(iv);
        return wrap(code, publicKey, salt, iv);
    }

    /** Deterministic form for test vectors. */
    public static byte[] wrap(LinkCode code, byte[] publicKey, byte[] salt, byte[] iv) {
        requireLength(publicKey, KEY_LENGTH, "public key");
        requireLength(salt, SALT_LENGTH, "salt");
        requireLength(iv, IV_LENGTH, "iv");
        byte[] ciphertext = ctr(codeKey(code, salt), iv, publicKey);
        byte[] wrapped = new byte[WRAPPED_LENGTH];
        System.arraycopy(salt, 0, wrapped, 0, SALT_LENGTH);
        System.arraycopy(iv, 0, wrapped, SALT_LENGTH, IV_LENGTH);
        System.arraycopy(ciphertext, 0, wrapped, SALT_LENGTH + IV_LENGTH, KEY_LENGTH);
        return wrapped;
    }

    /**
     * The 32-byte key inside an 80-byte wrapping. CTR has no authentication: a wrong code yields a wrong key,
     * which only shows later (the primary's bundle check or the pair-success HMAC fails).
     */
    public static byte[] unwrap(LinkCode code, byte[] wrapped) throws PairingProtocolException {
        if (wrapped == null || wrapped.length != WRAPPED_LENGTH) {
            throw new PairingProtocolException("a wrapped link-code key has 80 bytes, got "
                    + (wrapped == null ? "none" : wrapped.length));
        }
        byte[] salt = Arrays.copyOfRange(wrapped, 0, SALT_LENGTH);
        byte[] iv = Arrays.copyOfRange(wrapped, SALT_LENGTH, SALT_LENGTH + IV_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(wrapped, SALT_LENGTH + IV_LENGTH, WRAPPED_LENGTH);
        return ctr(codeKey(code, salt), iv, ciphertext);
    }

    private static byte[] ctr(byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CTR failed", e);
        }
    }

    private static void requireLength(byte[] value, int length, String what) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
    }
}
