package app.statustracker.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The frames written as they are: RFC 6455 server frames (FIN, text, unmasked) with each length encoding. */
class TextFramesTest {
    private static byte[] payload(int n) {
        byte[] p = new byte[n];
        Arrays.fill(p, (byte) 'x');
        return p;
    }

    @Test
    void shortPayloadsHaveASevenBitLength() {
        byte[] f = TextFrames.frame(payload(125));
        assertEquals((byte) 0x81, f[0]);
        assertEquals(125, f[1]);
        assertEquals(127, f.length);
    }

    @Test
    void payloadsUpTo64KiBHaveASixteenBitLength() {
        byte[] f = TextFrames.frame(payload(126));
        assertEquals(126, f[1]);
        assertEquals(126, ByteBuffer.wrap(f, 2, 2).getShort() & 0xFFFF);
        byte[] max = TextFrames.frame(payload(65_535));
        assertEquals(65_535, ByteBuffer.wrap(max, 2, 2).getShort() & 0xFFFF);
        assertEquals(4 + 65_535, max.length);
    }

    @Test
    void largerPayloadsHaveASixtyFourBitLength() {
        byte[] p = payload(110_000);
        byte[] f = TextFrames.frame(p);
        assertEquals(127, f[1]);
        assertEquals(110_000L, ByteBuffer.wrap(f, 2, 8).getLong());
        assertArrayEquals(p, Arrays.copyOfRange(f, 10, f.length));
    }
}
