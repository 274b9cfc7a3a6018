package app.statustracker.wa.pairing;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The 8-character code a user types on the primary phone (docs/protocol.md, Pairing): 5 random bytes in base32 over
 * WhatsApp's alphabet {@code 123456789ABCDEFGHJKLMNPQRSTVWXYZ} (no 0, O, I, U), most significant bit first.
 * It is shown without a dash; a dash is never part of the key derivation.
 */
public record LinkCode(String value) {
    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
    public static final int LENGTH = 8;

    public LinkCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException("a pairing code has 8 characters, got " + value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException("'" + value.charAt(i) + "' is not in WhatsApp's code alphabet");
            }
        }
    }

    public static LinkCode generate(SecureRandom random) {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        return fromBytes(bytes);
    }

    /** Encodes exactly 5 bytes (40 bits) as 8 characters of 5 bits each. */
    public static LinkCode fromBytes(byte[] fiveBytes) {
        if (fiveBytes == null || fiveBytes.length != 5) {
            throw new IllegalArgumentException("a pairing code encodes 5 bytes");
        }
        long bits = 0;
        for (byte b : fiveBytes) {
            bits = (bits << 8) | (b & 0xFF);
        }
        char[] chars = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (bits & 0x1F));
            bits >>>= 5;
        }
        return new LinkCode(new String(chars));
    }

    /** Accepts what a person might type: lower case and a dash in the middle. */
    public static LinkCode parse(String typed) {
        return new LinkCode(Objects.requireNonNull(typed, "typed").replace("-", "").toUpperCase(java.util.Locale.ROOT));
    }

    /** {@code XXXX-XXXX}, as whatsmeow displays it. */
    public String withDash() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    @Override
    public String toString() {
        return value;
    }
}
