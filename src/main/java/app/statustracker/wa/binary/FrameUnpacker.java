package app.statustracker.wa.binary;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Strips the leading flag byte of a frame plaintext and inflates the body when flag bit 0x02 says it is
 * zlib-compressed (docs/protocol.md, Binary nodes; servers may compress, clients never do). Inflation stops as soon
 * as the output passes {@link DecodeLimits#maxInflatedBytes()}, so a zlib bomb costs at most that much memory.
 */
final class FrameUnpacker {
    static final int COMPRESSED = 0x02;
    private static final int CHUNK = 8192;

    private FrameUnpacker() {
    }

    /**
     * The node bytes: the input array itself (node starting at offset 1) when uncompressed, or a new array
     * holding the inflated node.
     */
    static byte[] unpack(byte[] frame, DecodeLimits limits) throws MalformedNodeException {
        if (frame.length == 0) {
            throw new MalformedNodeException("empty frame: no flag byte");
        }
        if (frame.length > limits.maxInputBytes()) {
            throw new NodeLimitExceededException("frame of " + frame.length + " bytes exceeds "
                    + limits.maxInputBytes());
        }
        if ((frame[0] & COMPRESSED) == 0) {
            return frame;
        }
        return inflate(frame, limits.maxInflatedBytes());
    }

    private static byte[] inflate(byte[] frame, int maxInflated) throws MalformedNodeException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(frame, 1, frame.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(CHUNK, maxInflated));
            byte[] chunk = new byte[CHUNK];
            while (!inflater.finished()) {
                int remainingBefore = inflater.getRemaining();
                int produced = inflater.inflate(chunk);
                if (produced == 0) {
                    if (inflater.needsDictionary()) {
                        throw new MalformedNodeException("compressed frame asks for a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new MalformedNodeException("compressed frame is truncated");
                    }
                    if (!inflater.finished() && inflater.getRemaining() == remainingBefore) {
                        throw new MalformedNodeException("compressed frame makes no progress");
                    }
                }
                if (out.size() + produced > maxInflated) {
                    throw new NodeLimitExceededException("compressed frame inflates beyond " + maxInflated + " bytes");
                }
                out.write(chunk, 0, produced);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MalformedNodeException("compressed frame is not valid zlib: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
