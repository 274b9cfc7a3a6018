package app.statustracker.wa.noise;

/**
 * Writes frames: a 3-byte big-endian length, then the payload (docs/protocol.md, Connection). A client's encoder
 * puts the intro header in front of its first frame, in the same WebSocket message, as Baileys and
 * whatsmeow do. Synchronized so that "first frame" stays true with several writer threads.
 */
public final class FrameEncoder {
    private final byte[] intro;
    private final int maxFrameLength;
    private boolean introSent;

    public FrameEncoder(byte[] intro, int maxFrameLength) {
        this.intro = intro == null ? new byte[0] : intro.clone();
        this.maxFrameLength = FrameDecoder.checkMaxFrameLength(maxFrameLength);
        this.introSent = this.intro.length == 0;
    }

    /** The client side: WA intro before the first frame, frames up to the protocol maximum. */
    public static FrameEncoder forClient() {
        return new FrameEncoder(IntroHeader.whatsApp(), FrameDecoder.PROTOCOL_MAX_FRAME_LENGTH);
    }

    /** The server side (simulator): no intro. */
    public static FrameEncoder forServer() {
        return new FrameEncoder(null, FrameDecoder.PROTOCOL_MAX_FRAME_LENGTH);
    }

    /** One frame, as bytes to put into one WebSocket message. */
    public synchronized byte[] encode(byte[] payload) {
        if (payload.length > maxFrameLength) {
            throw new IllegalArgumentException("frame payload of " + payload.length
                    + " bytes exceeds the limit of " + maxFrameLength);
        }
        int prefix = introSent ? 0 : intro.length;
        byte[] out = new byte[prefix + 3 + payload.length];
        System.arraycopy(intro, 0, out, 0, prefix);
        out[prefix] = (byte) (payload.length >>> 16);
        out[prefix + 1] = (byte) (payload.length >>> 8);
        out[prefix + 2] = (byte) payload.length;
        System.arraycopy(payload, 0, out, prefix + 3, payload.length);
        introSent = true;
        return out;
    }
}
