package app.statustracker.wa.binary;

import app.statustracker.wa.ProtocolException;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes a peer sends, decoding ends in a node or a ProtocolException subclass: any other
 * exception escaping here is a finding. Under surefire this replays the corpus in
 * src/test/resources/.../NodeDecoderFuzzTestInputs (regression mode, fast). To fuzz one target for real
 * (hooks give the coverage feedback, see junit-platform.properties):
 * {@code JAZZER_FUZZ=1 ./mvnw -B test -Dskip.npm=true -Djazzer.hooks=true -Dtest='NodeDecoderFuzzTest#frames'}
 */
class NodeDecoderFuzzTest {
    /** Small limits so the fuzzer reaches them (and a bomb cannot stall a fuzzing run). */
    private static final NodeDecoder DECODER = new NodeDecoder(new DecodeLimits(1 << 16, 1 << 16, 16, 2_000));
    private static final NodeEncoder ENCODER = new NodeEncoder();

    /** Flag byte, optional zlib inflation, then the node. */
    @FuzzTest(maxDuration = "20s")
    void frames(byte[] input) {
        decodeAndReencode(input, true);
    }

    /** The node grammar alone, without the flag byte. */
    @FuzzTest(maxDuration = "20s")
    void nodeBodies(byte[] input) {
        decodeAndReencode(input, false);
    }

    private static void decodeAndReencode(byte[] input, boolean framed) {
        Node node;
        try {
            node = framed ? DECODER.decodeFrame(input) : DECODER.decode(input);
        } catch (ProtocolException expected) {
            return;
        }
        // whatever decodes must encode again without failing, and decode to the same node once normalised
        byte[] again = ENCODER.encode(node);
        try {
            Node normalised = DECODER.decodeFrame(again);
            if (!normalised.equals(DECODER.decodeFrame(ENCODER.encode(normalised)))) {
                throw new IllegalStateException("re-encoding is not stable for " + node);
            }
        } catch (ProtocolException e) {
            throw new IllegalStateException("our own encoding of a decoded node does not decode: " + node, e);
        }
    }
}
