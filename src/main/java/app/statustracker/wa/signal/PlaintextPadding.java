package app.statustracker.wa.signal;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The padding WhatsApp puts around a serialized {@code Message} before Signal encryption (pkmsg, msg and skmsg with
 * {@code <enc v="2">}; docs/protocol.md, Signal): N bytes each of value N. The Signal layer then adds its own PKCS#7
 * inside AES-CBC; this padding is what hides the exact message length from the server.
 */
public final class PlaintextPadding {
    /** Baileys writeRandomPadMax16 pads 1..16 bytes; whatsmeow 1..15. */
    public static final int MAX_PAD = 16;

    private PlaintextPadding() {
    }

    /** {@code plaintext ‖ N × N} with N uniform in 1..16, like Baileys ({@code (rand & 0x0F) + 1}). */
    public static byte[] pad(byte[] plaintext, SecureRandom random) {
        return pad(plaintext, (random.nextInt() & 0x0F) + 1);
    }

    /** Deterministic form for tests and fixed vectors: {@code plaintext ‖ n × n}, 1 ≤ n ≤ 16. */
    public static byte[] pad(byte[] plaintext, int n) {
        if (n < 1 || n > MAX_PAD) {
            throw new IllegalArgumentException("padding length must be 1.." + MAX_PAD + ", got " + n);
        }
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + n);
        Arrays.fill(padded, plaintext.length, padded.length, (byte) n);
        return padded;
    }

    /**
     * Strips the padding. N is the last byte; like whatsmeow we insist that all N trailing bytes equal N, which
     * catches a payload that was never padded (e.g. a {@code v="3"} one) instead of silently cutting it. N is not
     * limited to 16 here: a sender padding more is still well-formed.
     */
    public static byte[] unpad(byte[] padded) throws InvalidPaddingException {
        if (padded.length == 0) {
            throw new InvalidPaddingException("padded plaintext is empty");
        }
        int n = padded[padded.length - 1] & 0xFF;
        if (n == 0 || n > padded.length) {
            throw new InvalidPaddingException("padding length " + n + " does not fit a " + padded.length + "-byte plaintext");
        }
        for (int i = padded.length - n; i < padded.length; i++) {
            if ((padded[i] & 0xFF) != n) {
                throw new InvalidPaddingException("padding bytes differ from the padding length " + n);
            }
        }
        return Arrays.copyOf(padded, padded.length - n);
    }
}
