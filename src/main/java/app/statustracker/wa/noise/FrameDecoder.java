package app.statustracker.wa.noise;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles frames (3-byte big-endian length + payload) from WebSocket messages of any shape: a message
 * may end inside a length header, carry several frames, or a frame may span many messages
 * (docs/protocol.md, Connection). Memory stays bounded: at most one partial frame is held, never more than the
 * configured maximum, and its buffer grows with the bytes that actually arrived, so a header that
 * promises 16 MiB costs nothing until the bytes come. After a {@link MalformedFrameException} the
 * decoder refuses all further input: the stream cannot be resynchronised.
 *
 * <p>A server-side decoder first checks and strips the client's intro header. Not thread-safe: feed it
 * from the one thread that reads the socket.
 */
public final class FrameDecoder {
    /** whatsmeow refuses lengths of 1 << 24 and above; the 3-byte header cannot express more anyway. */
    public static final int PROTOCOL_MAX_FRAME_LENGTH = (1 << 24) - 1;
    private static final int INITIAL_BUFFER = 64 * 1024;

    private final int maxFrameLength;
    private final byte[] expectedIntro;
    private int introMatched;

    private final byte[] header = new byte[3];
    private int headerFilled;
    private byte[] frame;
    private int frameLength;
    private int frameFilled;
    private String failure;

    public FrameDecoder(int maxFrameLength, byte[] expectedIntro) {
        this.maxFrameLength = checkMaxFrameLength(maxFrameLength);
        this.expectedIntro = expectedIntro == null ? new byte[0] : expectedIntro.clone();
    }

    /** The client side reads server frames: no intro. */
    public static FrameDecoder forClient(int maxFrameLength) {
        return new FrameDecoder(maxFrameLength, null);
    }

    /** The server side (simulator) expects the WA intro header before the first frame. */
    public static FrameDecoder forServer(int maxFrameLength) {
        return new FrameDecoder(maxFrameLength, IntroHeader.whatsApp());
    }

    public List<byte[]> feed(byte[] chunk) throws MalformedFrameException {
        return feed(ByteBuffer.wrap(chunk));
    }

    /** Consumes all remaining bytes of {@code chunk} and returns the frames it completed, in order. */
    public List<byte[]> feed(ByteBuffer chunk) throws MalformedFrameException {
        if (failure != null) {
            throw new MalformedFrameException(failure);
        }
        List<byte[]> frames = new ArrayList<>();
        while (chunk.hasRemaining()) {
            if (introMatched < expectedIntro.length) {
                readIntroByte(chunk.get());
            } else if (headerFilled < 3) {
                header[headerFilled++] = chunk.get();
                if (headerFilled == 3) {
                    startFrame(frames);
                }
            } else {
                readFrameBytes(chunk, frames);
            }
        }
        return frames;
    }

    /** True when no partial intro, header or frame is held: the stream ended on a frame boundary. */
    public boolean isAtFrameBoundary() {
        return headerFilled == 0 && (introMatched == 0 || introMatched == expectedIntro.length);
    }

    private void readIntroByte(byte b) throws MalformedFrameException {
        if (b != expectedIntro[introMatched]) {
            fail("frame stream: the client's intro header is not " + hex(expectedIntro));
        }
        introMatched++;
    }

    private void startFrame(List<byte[]> frames) throws MalformedFrameException {
        frameLength = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
        if (frameLength > maxFrameLength) {
            fail("frame stream: frame of " + frameLength + " bytes exceeds the limit of " + maxFrameLength);
        }
        frameFilled = 0;
        if (frameLength == 0) {
            frames.add(new byte[0]);
            headerFilled = 0;
        } else {
            frame = new byte[Math.min(frameLength, INITIAL_BUFFER)];
        }
    }

    private void readFrameBytes(ByteBuffer chunk, List<byte[]> frames) {
        int wanted = Math.min(frameLength - frameFilled, chunk.remaining());
        if (frameFilled + wanted > frame.length) {
            int grown = (int) Math.min(frameLength, Math.max((long) frame.length * 2, frameFilled + wanted));
            frame = Arrays.copyOf(frame, grown);
        }
        chunk.get(frame, frameFilled, wanted);
        frameFilled += wanted;
        if (frameFilled == frameLength) {
            frames.add(frame.length == frameLength ? frame : Arrays.copyOf(frame, frameLength));
            frame = null;
            headerFilled = 0;
        }
    }

    private void fail(String message) throws MalformedFrameException {
        failure = message;
        frame = null;
        throw new MalformedFrameException(message);
    }

    static int checkMaxFrameLength(int maxFrameLength) {
        if (maxFrameLength < 1 || maxFrameLength > PROTOCOL_MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("max frame length must be 1.." + PROTOCOL_MAX_FRAME_LENGTH
                    + ", got " + maxFrameLength);
        }
        return maxFrameLength;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
