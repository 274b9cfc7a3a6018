package app.statustracker.wa.status;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The random padding WhatsApp puts after a serialized Message before Signal encryption (protocol-notes §7.7):
 * N bytes each of value N, 1 ≤ N ≤ 16 (Baileys writeRandomPadMax16). It hides the exact message length.
 */
public final class MessagePadding {
    public static final int MAX = 16;

    private MessagePadding() {
    }

    /** {@code message ‖ N×N} with N uniform in 1..16. */
    public static byte[] pad(byte[] message, SecureRandom random) {
        return pad(message, 1 + random.nextInt(MAX));
    }

    /** Deterministic form for tests. */
    public static byte[] pad(byte[] message, int n) {
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("padding length must be 1.." + MAX + ", got " + n);
        }
        byte[] padded = Arrays.copyOf(message, message.length + n);
        Arrays.fill(padded, message.length, padded.length, (byte) n);
        return padded;
    }

    /**
     * Strips the padding of a received plaintext. Like whatsmeow, every padding byte must equal N; unlike the
     * sender side, any N from 1 to 255 is accepted because other clients (whatsmeow) pick their own range.
     */
    public static byte[] unpad(byte[] padded) {
        if (padded.length == 0) {
            throw new IllegalArgumentException("padded plaintext is empty");
        }
        int n = padded[padded.length - 1] & 0xFF;
        if (n == 0 || n > padded.length) {
            throw new IllegalArgumentException("padding length " + n + " does not fit " + padded.length + " bytes");
        }
        for (int i = padded.length - n; i < padded.length; i++) {
            if ((padded[i] & 0xFF) != n) {
                throw new IllegalArgumentException("padding bytes differ from the padding length " + n);
            }
        }
        return Arrays.copyOf(padded, padded.length - n);
    }
}
