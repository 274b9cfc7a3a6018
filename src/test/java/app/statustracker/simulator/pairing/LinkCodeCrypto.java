package app.statustracker.simulator.pairing;

import app.statustracker.wa.crypto.AesGcm;
import app.statustracker.wa.crypto.DecryptionFailedException;
import app.statustracker.wa.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pairing-code ("link with phone number") cryptography (docs/protocol.md, Pairing), both directions, so the
 * simulated primary and the tests that play a companion use the same code. The 8-character code is the password;
 * ephemerals travel wrapped as {@code salt(32) ‖ iv(16) ‖ AES-256-CTR(PBKDF2(code, salt), iv, pub)}.
 */
public final class LinkCodeCrypto {
    /** Crockford-like base32 without 0, O, I, U (docs/protocol.md, Pairing). */
    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
    public static final int WRAPPED_LENGTH = 80;
    public static final int BUNDLE_LENGTH = 32 + 12 + 96 + 16;
    static final int PBKDF2_ITERATIONS = 2 << 16;
    static final byte[] BUNDLE_INFO = "link_code_pairing_key_bundle_encryption_key".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ADV_SECRET_INFO = "adv_secret".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodeCrypto() {
    }

    /**
     * What the user types, as the key derivation uses it: dash dropped (whatsmeow shows XXXX-XXXX), upper
     * case. Letters outside {@link #ALPHABET} are allowed because Baileys lets an app choose a custom code.
     */
    public static String normalize(String code) {
        String plain = code == null ? "" : code.replace("-", "").toUpperCase(java.util.Locale.ROOT);
        if (!plain.matches("[0-9A-Z]{8}")) {
            throw new IllegalArgumentException("a pairing code is 8 letters or digits, got " + code);
        }
        return plain;
    }

    public static byte[] wrap(String code, byte[] publicKey) {
        byte[] salt = random(32);
        byte[] iv = random(16);
        byte[] wrapped = new byte[WRAPPED_LENGTH];
        System.arraycopy(salt, 0, wrapped, 0, 32);
        System.arraycopy(iv, 0, wrapped, 32, 16);
        System.arraycopy(ctr(codeKey(code, salt), iv, publicKey), 0, wrapped, 48, 32);
        return wrapped;
    }

    /** CTR has no integrity: a wrong code yields a wrong key here and fails later, at the bundle
     * (docs/protocol.md, Pairing). */
    public static byte[] unwrap(String code, byte[] wrapped) {
        if (wrapped == null || wrapped.length != WRAPPED_LENGTH) {
            throw new IllegalArgumentException("a wrapped ephemeral is 80 bytes");
        }
        return ctr(codeKey(code, Arrays.copyOfRange(wrapped, 0, 32)), Arrays.copyOfRange(wrapped, 32, 48),
                Arrays.copyOfRange(wrapped, 48, 80));
    }

    /** The companion's finish bundle: {@code salt(32) ‖ iv(12) ‖ AES-GCM(HKDF(shared, salt), iv, plain)}. */
    public static byte[] sealBundle(byte[] ephemeralShared, byte[] plain) {
        byte[] salt = random(32);
        byte[] iv = random(12);
        byte[] sealed = AesGcm.encrypt(bundleKey(ephemeralShared, salt), iv, new byte[0], plain);
        byte[] bundle = new byte[44 + sealed.length];
        System.arraycopy(salt, 0, bundle, 0, 32);
        System.arraycopy(iv, 0, bundle, 32, 12);
        System.arraycopy(sealed, 0, bundle, 44, sealed.length);
        return bundle;
    }

    /** Returns {@code companionIdentity(32) ‖ primaryIdentity(32) ‖ advRandom(32)}. */
    public static byte[] openBundle(byte[] ephemeralShared, byte[] bundle) throws DecryptionFailedException {
        if (bundle == null || bundle.length != BUNDLE_LENGTH) {
            throw new DecryptionFailedException("a wrapped key bundle is " + BUNDLE_LENGTH + " bytes");
        }
        byte[] salt = Arrays.copyOfRange(bundle, 0, 32);
        return AesGcm.decrypt(bundleKey(ephemeralShared, salt), Arrays.copyOfRange(bundle, 32, 44), new byte[0],
                Arrays.copyOfRange(bundle, 44, bundle.length));
    }

    /** HKDF(ephShared ‖ identShared ‖ advRandom, no salt, "adv_secret"), the same on both sides
     * (docs/protocol.md, Pairing). */
    public static byte[] advSecret(byte[] ephemeralShared, byte[] identityShared, byte[] advRandom) {
        byte[] material = new byte[96];
        System.arraycopy(ephemeralShared, 0, material, 0, 32);
        System.arraycopy(identityShared, 0, material, 32, 32);
        System.arraycopy(advRandom, 0, material, 64, 32);
        return Hkdf.sha256(null, material, ADV_SECRET_INFO, 32);
    }

    public static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static byte[] bundleKey(byte[] ephemeralShared, byte[] salt) {
        return Hkdf.sha256(salt, ephemeralShared, BUNDLE_INFO, 32);
    }

    static byte[] codeKey(String code, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(normalize(code).toCharArray(), salt, PBKDF2_ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] ctr(byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is part of every JDK", e);
        }
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
