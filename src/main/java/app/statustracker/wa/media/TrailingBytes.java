package app.statustracker.wa.media;

/**
 * Holds back the last {@code n} bytes of a stream read in chunks, so that a trailer (the media MAC) can be told
 * apart from the body without knowing the length in advance.
 */
final class TrailingBytes {
    private final byte[] held;
    private int count;

    TrailingBytes(int n) {
        this.held = new byte[n];
    }

    /** Takes the next chunk; returns the bytes that are now known not to be part of the trailer. */
    byte[] push(byte[] chunk, int length) {
        int total = count + length;
        int release = Math.max(0, total - held.length);
        byte[] out = new byte[release];
        int fromHeld = Math.min(release, count);
        System.arraycopy(held, 0, out, 0, fromHeld);
        System.arraycopy(chunk, 0, out, fromHeld, release - fromHeld);
        // what stays: the rest of held, then the rest of the chunk
        byte[] next = new byte[held.length];
        int keptFromHeld = count - fromHeld;
        System.arraycopy(held, fromHeld, next, 0, keptFromHeld);
        int keptFromChunk = length - (release - fromHeld);
        System.arraycopy(chunk, release - fromHeld, next, keptFromHeld, keptFromChunk);
        count = keptFromHeld + keptFromChunk;
        System.arraycopy(next, 0, held, 0, held.length);
        return out;
    }

    /** The trailer: the last bytes seen, fewer than {@code n} if the stream was shorter. */
    byte[] held() {
        return java.util.Arrays.copyOf(held, count);
    }
}
