package app.statustracker.wa.signal;

/**
 * The version byte in front of SKDMs and skmsgs: {@code (3 << 4) | 3} = 0x33 (docs/protocol.md, Signal). Like
 * libsignal we accept only major version 3 (the high nibble); the low nibble is the sender's minimum and is ignored.
 */
final class SenderKeyVersion {
    static final byte CURRENT = 0x33;
    private static final int MAJOR = 3;

    private SenderKeyVersion() {
    }

    /** Refuses input shorter than {@code minimumLength} bytes or with another major version. */
    static void check(byte[] serialized, int minimumLength, String what) throws SenderKeyException {
        if (serialized == null || serialized.length < minimumLength) {
            throw new SenderKeyException(what + " too short: " + (serialized == null ? 0 : serialized.length) + " bytes");
        }
        int major = (serialized[0] & 0xFF) >>> 4;
        if (major != MAJOR) {
            throw new SenderKeyException(what + " has version " + major + ", expected " + MAJOR);
        }
    }
}
