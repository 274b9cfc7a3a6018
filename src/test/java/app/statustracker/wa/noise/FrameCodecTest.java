package app.statustracker.wa.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private static final List<byte[]> FRAMES = List.of(
            new byte[] {1, 2, 3, 4, 5}, new byte[0], new byte[] {9}, bytes(20, 7), new byte[] {(byte) 0xFF, 0});

    @Test
    void everyTwoCutSplitOfAMultiFrameStreamDecodesTheSame() throws Exception {
        byte[] stream = clientStream();
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                FrameDecoder decoder = FrameDecoder.forServer(1000);
                List<byte[]> decoded = new ArrayList<>();
                decoded.addAll(decoder.feed(slice(stream, 0, first)));
                decoded.addAll(decoder.feed(slice(stream, first, second)));
                decoded.addAll(decoder.feed(slice(stream, second, stream.length)));
                assertFrames(decoded, "cuts at " + first + ", " + second);
                assertTrue(decoder.isAtFrameBoundary());
            }
        }
    }

    @Test
    void byteByByte() throws Exception {
        byte[] stream = clientStream();
        FrameDecoder decoder = FrameDecoder.forServer(1000);
        List<byte[]> decoded = new ArrayList<>();
        for (byte b : stream) {
            decoded.addAll(decoder.feed(new byte[] {b}));
        }
        assertFrames(decoded, "byte by byte");
    }

    @Test
    void partialHeaderIsNotABoundary() throws Exception {
        FrameDecoder decoder = FrameDecoder.forClient(100);
        assertTrue(decoder.feed(new byte[] {0, 0}).isEmpty());
        assertFalse(decoder.isAtFrameBoundary());
        assertArrayEquals(new byte[] {5}, decoder.feed(ByteBuffer.wrap(new byte[] {1, 5})).get(0));
        assertTrue(decoder.isAtFrameBoundary());
    }

    @Test
    void oversizedFrameIsRefusedAndTheDecoderStaysClosed() throws Exception {
        FrameDecoder decoder = FrameDecoder.forClient(10);
        assertEquals(1, decoder.feed(new byte[] {0, 0, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).size(), "exactly the limit");
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decoder.feed(new byte[] {0, 0, 11}));
        assertEquals("frame stream: frame of 11 bytes exceeds the limit of 10", e.getMessage());
        assertThrows(MalformedFrameException.class, () -> decoder.feed(new byte[] {0, 0, 1, 1}));
    }

    @Test
    void protocolMaximumIsRefusedAboveItsLimit() throws Exception {
        FrameDecoder decoder = FrameDecoder.forClient(FrameDecoder.PROTOCOL_MAX_FRAME_LENGTH);
        // a header promising 16 MiB − 1 is accepted, and nothing big is allocated until bytes arrive
        assertTrue(decoder.feed(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1}).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.forClient(1 << 24));
        assertThrows(IllegalArgumentException.class, () -> FrameDecoder.forClient(0));
    }

    @Test
    void wrongIntroIsRefused() {
        FrameDecoder decoder = FrameDecoder.forServer(100);
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.feed(new byte[] {'E', 'D', 0, 1}));
        assertEquals("frame stream: the client's intro header is not 57 41 06 03", e.getMessage());
    }

    @Test
    void encoderPrefixesTheIntroOnceAndWritesBigEndianLengths() {
        FrameEncoder encoder = FrameEncoder.forClient();
        assertArrayEquals(new byte[] {'W', 'A', 6, 3, 0, 0, 2, 7, 8}, encoder.encode(new byte[] {7, 8}));
        assertArrayEquals(new byte[] {0, 0, 0}, encoder.encode(new byte[0]));
        byte[] big = FrameEncoder.forServer().encode(new byte[0x012345]);
        assertArrayEquals(new byte[] {0x01, 0x23, 0x45}, slice(big, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new FrameEncoder(null, 4).encode(new byte[5]));
    }

    private static byte[] clientStream() {
        FrameEncoder encoder = FrameEncoder.forClient();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : FRAMES) {
            out.writeBytes(encoder.encode(frame));
        }
        return out.toByteArray();
    }

    private static void assertFrames(List<byte[]> decoded, String context) {
        assertEquals(FRAMES.size(), decoded.size(), context);
        for (int i = 0; i < FRAMES.size(); i++) {
            assertArrayEquals(FRAMES.get(i), decoded.get(i), context + ", frame " + i);
        }
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }

    private static byte[] bytes(int length, int value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }
}
