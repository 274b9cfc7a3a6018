package app.statustracker.wa.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer targets for the frame layer. In a plain {@code test} run they execute in regression mode (the
 * seeds under src/test/resources/.../FrameDecoderFuzzTestInputs plus an empty input); with JAZZER_FUZZ=1
 * they fuzz.
 */
class FrameDecoderFuzzTest {

    /** Random bytes cut into random chunks: only MalformedFrameException may escape, and frames stay bounded. */
    @FuzzTest(maxDuration = "20s")
    void arbitraryChunksNeverEscapeAsAnythingButProtocolFailures(FuzzedDataProvider data) {
        int max = data.consumeInt(1, 4096);
        FrameDecoder decoder = data.consumeBoolean() ? FrameDecoder.forServer(max) : FrameDecoder.forClient(max);
        try {
            while (data.remainingBytes() > 0) {
                byte[] chunk = data.consumeBytes(data.consumeInt(0, 64));
                for (byte[] frame : decoder.feed(chunk)) {
                    assertTrue(frame.length <= max, "frame longer than the limit");
                }
            }
        } catch (MalformedFrameException expected) {
            // the only failure a peer may cause
        }
    }

    /** Whatever frames go in through the encoder come out of the decoder, however the stream is cut. */
    @FuzzTest(maxDuration = "20s")
    void encodedFramesSurviveAnyChunking(FuzzedDataProvider data) throws MalformedFrameException {
        List<byte[]> frames = new ArrayList<>();
        int count = data.consumeInt(0, 8);
        for (int i = 0; i < count; i++) {
            frames.add(data.consumeBytes(data.consumeInt(0, 300)));
        }
        FrameEncoder encoder = FrameEncoder.forClient();
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        frames.forEach(frame -> stream.writeBytes(encoder.encode(frame)));
        byte[] bytes = stream.toByteArray();

        FrameDecoder decoder = FrameDecoder.forServer(300);
        List<byte[]> decoded = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            int length = Math.min(bytes.length - offset, data.consumeInt(1, 50));
            decoded.addAll(decoder.feed(java.util.Arrays.copyOfRange(bytes, offset, offset + length)));
            offset += length;
        }
        assertEquals(frames.size(), decoded.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), decoded.get(i));
        }
    }
}
