package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.signal.PreKeyBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PreKeyBundleQueryTest {
    private static final Jid LID = Jid.of("100000012345678", Jid.LID_SERVER);

    @Test
    void queryAsksForDeviceZeroByItsUserJid() {
        Node expected = Node.builder("iq").attr("xmlns", "encrypt").attr("type", "get").attr("to", "@s.whatsapp.net")
                .children(Node.builder("key").children(
                        Node.builder("user").attr("jid", "100000012345678@lid").attr("reason", "identity").build(),
                        Node.builder("user").attr("jid", "100000012345678:2@lid").attr("reason", "identity").build())
                        .build())
                .build();
        assertEquals(expected, PreKeyBundleQuery.build(List.of(LID, LID.withDevice(2))));
    }

    @Test
    void parsesBundlesDirectAndInKeysWrapperAndErrors() throws Exception {
        Node answer = Node.builder("iq").attr("type", "result").attr("id", "1").children(Node.builder("list").children(
                user("100000012345678@lid", material(0x1234, 7, 42)),
                Node.builder("user").attr("jid", "100000012345678:2@lid")
                        .children(Node.builder("keys").children(material(9, 1, -1)).build()).build(),
                Node.builder("user").attr("jid", "100000099999999@lid")
                        .children(Node.builder("error").attr("code", "406").attr("text", "not-acceptable").build())
                        .build(),
                user("100000088888888@lid", List.of(bytes("registration", 4, 1), bytes("type", 1, 5),
                        bytes("identity", 31, 1)))  // short identity and no skey
        ).build()).build();
        FetchedBundles fetched = PreKeyBundleQuery.parse(answer);

        PreKeyBundle first = fetched.bundles().get(LID);
        assertEquals(0x1234, first.registrationId());
        assertEquals(7, first.signedPreKeyId());
        assertEquals(OptionalInt.of(42), first.preKeyId());
        assertArrayEquals(filled(32, 0x11), first.identityKey());
        assertArrayEquals(filled(32, 0x22), first.signedPreKey());
        assertArrayEquals(filled(64, 0x33), first.signedPreKeySignature());
        assertArrayEquals(filled(32, 0x44), first.preKey());

        PreKeyBundle wrapped = fetched.bundles().get(LID.withDevice(2));
        assertEquals(9, wrapped.registrationId());
        assertEquals(OptionalInt.empty(), wrapped.preKeyId());

        assertEquals("406 not-acceptable", fetched.errors().get(Jid.of("100000099999999", Jid.LID_SERVER)));
        assertTrue(fetched.errors().containsKey(Jid.of("100000088888888", Jid.LID_SERVER)));
        assertEquals(2, fetched.bundles().size());
    }

    @Test
    void refusedQuery() {
        Node refused = Node.builder("iq").attr("type", "error").attr("id", "1")
                .children(Node.builder("error").attr("code", "500").attr("text", "internal").build()).build();
        assertThrows(IqErrorException.class, () -> PreKeyBundleQuery.parse(refused));
    }

    /** registration, type, identity, skey and (when preKeyId ≥ 0) a one-time key, ids as 3 bytes BE. */
    static List<Node> material(int registrationId, int signedId, int preKeyId) {
        List<Node> nodes = new ArrayList<>(List.of(
                Node.builder("registration").bytes(bigEndian(registrationId, 4)).build(),
                Node.builder("type").bytes(new byte[] {5}).build(),
                Node.builder("identity").bytes(filled(32, 0x11)).build(),
                Node.builder("skey").children(
                        Node.builder("id").bytes(bigEndian(signedId, 3)).build(),
                        Node.builder("value").bytes(filled(32, 0x22)).build(),
                        Node.builder("signature").bytes(filled(64, 0x33)).build()).build()));
        if (preKeyId >= 0) {
            nodes.add(Node.builder("key").children(
                    Node.builder("id").bytes(bigEndian(preKeyId, 3)).build(),
                    Node.builder("value").bytes(filled(32, 0x44)).build()).build());
        }
        return nodes;
    }

    private static Node user(String jid, List<Node> children) {
        return Node.builder("user").attr("jid", jid).children(children).build();
    }

    private static Node bytes(String tag, int length, int value) {
        return Node.builder(tag).bytes(filled(length, value)).build();
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] bigEndian(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[length - 1 - i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }
}
