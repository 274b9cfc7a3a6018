package app.statustracker.wa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.testing.BaileysDriver;
import app.statustracker.testing.NodeJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden vectors made at test time by the pinned Baileys: its encodeBinaryNode must produce exactly our
 * bytes, and both decoders must read those bytes to the same node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaileysGoldenVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private final NodeEncoder encoder = new NodeEncoder();
    private final NodeDecoder decoder = new NodeDecoder();
    private BaileysDriver baileys;

    @BeforeAll
    void startBaileys() {
        BaileysDriver.assumeAvailable();
        baileys = BaileysDriver.start();
    }

    @AfterAll
    void stopBaileys() {
        if (baileys != null) {
            baileys.close();
        }
    }

    static List<Named<Node>> nodes() {
        return GoldenNodes.all();
    }

    @Test
    void driverRunsThePinnedBaileys() {
        assertEquals("7.0.0-rc14", baileys.call("version", Json.createObjectBuilder().build()).getString("baileys"));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void javaEncodesExactlyAsBaileys(Node node) {
        String expected = baileysEncode(node);
        String actual = HEX.formatHex(encoder.encode(node));
        assertEquals(expected, actual, () -> "first difference at byte " + firstDifference(expected, actual) / 2);
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void javaDecodesAsBaileysDecodes(Node node) throws Exception {
        String wire = baileysEncode(node);
        Node decoded = decoder.decodeFrame(HEX.parseHex(wire));
        JsonObject baileysDecoded = baileysDecode(wire);
        assertEquals(baileysDecoded, NodeJson.toJson(decoded));
        // decoding normalises (":0" devices go, raw text becomes bytes); both re-encode the result alike
        assertEquals(baileysEncode(NodeJson.fromJson(baileysDecoded)), HEX.formatHex(encoder.encode(decoded)));
    }

    /**
     * Values Baileys' encoder corrupts (its own decoder then reads something else, or fails): we write them
     * as raw text instead, and Baileys must read our bytes back to exactly the original.
     */
    @ParameterizedTest
    @ValueSource(strings = {"@", "user@", "a_b@s.whatsapp.net", "15551234567_1:2@s.whatsapp.net",
            "15551234567:300@s.whatsapp.net", "15551234567:3@g.us", "15551234567:@s.whatsapp.net",
            "1:2:3@s.whatsapp.net", "15551234567:03@s.whatsapp.net", "a@b@c"})
    void valuesBaileysCannotRoundTripStayIntact(String value) throws Exception {
        Node node = Node.builder("x").attr("v", value).text(value).build();
        byte[] ours = encoder.encode(node);
        JsonObject read = baileysDecode(HEX.formatHex(ours));
        assertEquals(value, read.getJsonObject("attrs").getString("v"));
        assertEquals(value, decoder.decodeFrame(ours).attr("v"));
    }

    @Test
    void zlibCompressedFramesReadTheSameInBothDecoders() throws Exception {
        for (Named<Node> named : GoldenNodes.all()) {
            byte[] plain = encoder.encode(named.getPayload());
            byte[] frame = compress(Arrays.copyOfRange(plain, 1, plain.length));
            Node decoded = decoder.decodeFrame(frame);
            assertEquals(decoder.decodeFrame(plain), decoded, named.getName());
            assertEquals(baileysDecode(HEX.formatHex(frame)), NodeJson.toJson(decoded), named.getName());
        }
    }

    static byte[] compress(byte[] body) {
        Deflater deflater = new Deflater();
        deflater.setInput(body);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FrameUnpacker.COMPRESSED);
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private String baileysEncode(Node node) {
        return baileys.call("encode", Json.createObjectBuilder().add("node", NodeJson.toJson(node)).build())
                .getString("hex");
    }

    private JsonObject baileysDecode(String hex) {
        return baileys.call("decode", Json.createObjectBuilder().add("hex", hex).build()).getJsonObject("node");
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
