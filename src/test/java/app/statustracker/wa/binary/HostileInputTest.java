package app.statustracker.wa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed, truncated, oversized and compressed-bomb input all end as MalformedNodeException, quickly. */
class HostileInputTest {
    private final NodeEncoder encoder = new NodeEncoder();
    private final NodeDecoder decoder = new NodeDecoder();

    @Test
    void everyTruncationIsMalformed() {
        for (Named<Node> named : GoldenNodes.all()) {
            byte[] full = encoder.encode(named.getPayload());
            if (full.length > 4096) {
                continue;
            }
            for (int length = 0; length < full.length; length++) {
                byte[] prefix = Arrays.copyOf(full, length);
                assertThrows(MalformedNodeException.class, () -> decoder.decodeFrame(prefix),
                        named.getName() + " cut at " + length);
            }
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] full = encoder.encode(Node.of("ping"));
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        assertThrows(MalformedNodeException.class, () -> decoder.decodeFrame(longer));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                 // no flag byte
        "0000",             // node list of size 0
        "00f80100",         // empty tag
        "00f801f0",         // tag byte 240 starts no string
        "00f801f8",         // a list where a string belongs
        "00f803ff01c0",     // nibble 12 is not a character
        "00f80213f9ffff",   // 65535 children announced, none present
        "00f80213feffffffff", // a 4 GiB byte string announced
        "00f801fd0fffff",   // a 1 MiB string announced
        "00f801fa0000",     // JID pair without server
        "00f801ec",         // double-byte token without its index
        "00f903",           // LIST_16 size cut short
    })
    void malformedInputIsRejected(String hex) {
        byte[] input = HexFormat.of().parseHex(hex);
        assertThrows(MalformedNodeException.class, () -> decoder.decodeFrame(input));
    }

    @Test
    void deepNestingHitsTheDepthLimit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        int levels = 100_000;
        for (int i = 0; i < levels; i++) {
            out.writeBytes(new byte[] {(byte) 0xF8, 2, 0x13, (byte) 0xF8, 1});
        }
        out.writeBytes(new byte[] {(byte) 0xF8, 1, 0x13});
        byte[] input = out.toByteArray();
        assertThrows(NodeLimitExceededException.class, () -> decoder.decodeFrame(input));
    }

    @Test
    void nestedJidsHitTheirLimit() {
        // JID_PAIR whose user is a JID_PAIR whose user is ... (Baileys recurses without bound)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, (byte) 0xF8, 1});
        for (int i = 0; i < 1000; i++) {
            out.write(0xFA);
        }
        out.write(0);
        for (int i = 0; i < 1000; i++) {
            out.write(3);
        }
        byte[] input = out.toByteArray();
        assertThrows(NodeLimitExceededException.class, () -> decoder.decodeFrame(input));
    }

    @Test
    void tooManyElementsAreRefused() {
        NodeBuilder builder = Node.builder("x");
        for (int i = 0; i < 200; i++) {
            builder.attr("k" + i, "v");
        }
        byte[] input = encoder.encode(builder.build());
        NodeDecoder strict = new NodeDecoder(new DecodeLimits(1 << 20, 1 << 20, 8, 100));
        assertThrows(NodeLimitExceededException.class, () -> strict.decodeFrame(input));
    }

    @Test
    void oversizedInputIsRefusedBeforeDecoding() {
        byte[] input = encoder.encode(Node.builder("x").bytes(new byte[100]).build());
        NodeDecoder strict = new NodeDecoder(new DecodeLimits(50, 50, 8, 100));
        assertThrows(NodeLimitExceededException.class, () -> strict.decodeFrame(input));
        assertThrows(NodeLimitExceededException.class, () -> strict.decode(Arrays.copyOfRange(input, 1, input.length)));
    }

    @Test
    void compressedNodeDecodes() throws Exception {
        Node node = Node.builder("success").attr("t", "1700000000").attr("lid", "100000123456789@lid")
                .attr("props", "1").build();
        byte[] plain = encoder.encode(node);
        assertEquals(node, decoder.decodeFrame(zlib(Arrays.copyOfRange(plain, 1, plain.length))));
    }

    @Test
    void zlibBombIsRefusedWithoutInflatingIt() {
        // 64 MiB of zeros inflate from ~64 KiB; the default limit stops them after 16 MiB
        byte[] bomb = zlibZeros(1 << 26);
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(NodeLimitExceededException.class, () -> decoder.decodeFrame(bomb)));
    }

    @Test
    void brokenZlibIsMalformed() {
        byte[] plain = encoder.encode(Node.of("ping"));
        byte[] compressed = zlib(Arrays.copyOfRange(plain, 1, plain.length));
        assertThrows(MalformedNodeException.class,
                () -> decoder.decodeFrame(Arrays.copyOf(compressed, compressed.length - 3)));
        assertThrows(MalformedNodeException.class,
                () -> decoder.decodeFrame(new byte[] {2, 0x11, 0x22, 0x33, 0x44}));
        assertThrows(MalformedNodeException.class, () -> decoder.decodeFrame(new byte[] {2}));
    }

    static byte[] zlib(byte[] body) {
        return BaileysGoldenVectorsTest.compress(body);
    }

    private static byte[] zlibZeros(int size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FrameUnpacker.COMPRESSED);
        byte[] zeros = new byte[1 << 20];
        byte[] chunk = new byte[1 << 16];
        for (int written = 0; written < size; written += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }
}
