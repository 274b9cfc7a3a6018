package app.statustracker.bench;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeEncoder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's "typical 1 KB message node": a text status post shaped like docs/protocol.md, Status stanza (three
 * {@code <to>} recipients with pairwise-encrypted sender-key distributions, a device identity because one
 * of them is a pkmsg, the skmsg payload and {@code <meta status_setting>}). Payload bytes come from a fixed
 * seed and the skmsg is sized so that the encoded frame plaintext is exactly {@link #FRAME_BYTES} long.
 * The Node side reads this very node from the input file; it never builds its own.
 */
final class BenchMessage {
    static final int FRAME_BYTES = 1024;
    private static final long SEED = 0x5747_4241_4E43_48L;
    private static final int PAIRWISE_BYTES = 150;
    private static final int DEVICE_IDENTITY_BYTES = 90;

    private BenchMessage() {
    }

    static Node statusPost() {
        Node draft = statusPost(400);
        int encoded = new NodeEncoder().encode(draft).length;
        Node node = statusPost(400 + FRAME_BYTES - encoded);
        if (new NodeEncoder().encode(node).length != FRAME_BYTES) {
            throw new IllegalStateException("could not size the benchmark node to " + FRAME_BYTES + " bytes");
        }
        return node;
    }

    private static Node statusPost(int skmsgBytes) {
        Random random = new Random(SEED);
        String id = "3EB0" + HexFormat.of().withUpperCase().formatHex(bytes(random, 9));
        List<Node> recipients = List.of(
                recipient("206158132957401@lid", "pkmsg", random),
                recipient("206158132957401:5@lid", "msg", random),
                recipient("118370145890862:12@lid", "msg", random));
        return Node.builder("message")
                .attr("to", "status@broadcast")
                .attr("id", id)
                .attr("type", "text")
                .children(
                        Node.builder("participants").children(recipients).build(),
                        Node.of("device-identity", Map.of(), bytes(random, DEVICE_IDENTITY_BYTES)),
                        Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(bytes(random, skmsgBytes)).build(),
                        Node.of("meta", Map.of("status_setting", "contacts")))
                .build();
    }

    private static Node recipient(String jid, String type, Random random) {
        Node enc = Node.builder("enc").attr("v", "2").attr("type", type).bytes(bytes(random, PAIRWISE_BYTES)).build();
        return Node.builder("to").attr("jid", jid).children(enc).build();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
