package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusStanzaTest {
    private static final Jid ALICE = Jid.of("100000000000001", Jid.LID_SERVER);
    private static final Jid BOB = Jid.of("100000000000002", Jid.LID_SERVER);
    private static final Jid CAROL = Jid.of("100000000000003", Jid.LID_SERVER);
    private static final byte[] IDENTITY = {1, 2, 3};
    private static final byte[] SKMSG = {9, 9};

    @Test
    void postWithSenderKeyForSomeDevicesAndBareUsersForTheRest() {
        Map<Jid, PairwiseCiphertext> perDevice = new LinkedHashMap<>();
        perDevice.put(ALICE, new PairwiseCiphertext("pkmsg", new byte[] {1}));
        perDevice.put(ALICE.withDevice(4), new PairwiseCiphertext("msg", new byte[] {2}));
        Node stanza = StatusStanza.build("3EB0AA", false, perDevice, List.of(ALICE, BOB, CAROL), IDENTITY, SKMSG, null);

        Node expected = Node.builder("message").attr("to", "status@broadcast").attr("id", "3EB0AA").attr("type", "text")
                .children(
                        Node.builder("participants").children(
                                Node.builder("to").attr("jid", "100000000000001@lid").children(enc("pkmsg", 1)).build(),
                                Node.builder("to").attr("jid", "100000000000001:4@lid").children(enc("msg", 2)).build(),
                                Node.builder("to").attr("jid", "100000000000002@lid").build(),
                                Node.builder("to").attr("jid", "100000000000003@lid").build()).build(),
                        Node.builder("device-identity").bytes(IDENTITY).build(),
                        Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(SKMSG).build(),
                        Node.builder("meta").attr("status_setting", "allowlist").build())
                .build();
        assertEquals(expected, stanza);
    }

    @Test
    void revokeHasEditSevenNoMetaAndNoDeviceIdentityWithoutPkmsg() {
        Map<Jid, PairwiseCiphertext> perDevice = Map.of(BOB.withDevice(2), new PairwiseCiphertext("msg", new byte[] {7}));
        Node stanza = StatusStanza.build("3EB0BB", true, perDevice, List.of(BOB), IDENTITY, SKMSG, null);
        Node expected = Node.builder("message").attr("to", "status@broadcast").attr("id", "3EB0BB").attr("type", "text")
                .attr("edit", "7")
                .children(
                        Node.builder("participants").children(
                                Node.builder("to").attr("jid", "100000000000002:2@lid").children(enc("msg", 7)).build())
                                .build(),
                        Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(SKMSG).build())
                .build();
        assertEquals(expected, stanza);
    }

    @Test
    void onlyBareUsersWhenEveryDeviceHoldsTheKey() {
        Node stanza = StatusStanza.build("3EB0CC", false, Map.of(), List.of(ALICE, BOB), null, SKMSG, null);
        Node participants = stanza.children().get(0);
        assertEquals(List.of("100000000000001@lid", "100000000000002@lid"),
                participants.children().stream().map(to -> to.attr("jid")).toList());
        assertEquals(List.of("participants", "enc", "meta"), stanza.children().stream().map(Node::tag).toList());
    }

    @Test
    void mediaStatusIsTypeMediaWithTheMediaTypeOnEveryEnc() {
        Map<Jid, PairwiseCiphertext> perDevice = Map.of(ALICE, new PairwiseCiphertext("msg", new byte[] {3}));
        Node stanza = StatusStanza.build("3EB0DD", false, perDevice, List.of(ALICE, BOB), null, SKMSG, "video");
        assertEquals("media", stanza.attr("type"));
        Node device = stanza.children().get(0).children().get(0);
        assertEquals("video", device.children().get(0).attr("mediatype"));
        Node skmsg = stanza.children().get(1);
        assertEquals("skmsg", skmsg.attr("type"));
        assertEquals("video", skmsg.attr("mediatype"));
    }

    @Test
    void resendOfMediaKeepsTypeAndMediaType() {
        Node again = StatusStanza.resend("3EB0EE", false, BOB.withDevice(3), new PairwiseCiphertext("msg", new byte[] {5}),
                2, null, "image");
        assertEquals("media", again.attr("type"));
        assertEquals("image", again.children().get(0).attr("mediatype"));
        assertEquals("2", again.children().get(0).attr("count"));
        Node text = StatusStanza.resend("3EB0EF", false, BOB.withDevice(3), new PairwiseCiphertext("msg", new byte[] {5}),
                1, null, null);
        assertEquals("text", text.attr("type"));
        assertEquals(null, text.children().get(0).attr("mediatype"));
    }

    @Test
    void pkmsgWithoutIdentityIsRefused() {
        Map<Jid, PairwiseCiphertext> perDevice = Map.of(BOB, new PairwiseCiphertext("pkmsg", new byte[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> StatusStanza.build("x", false, perDevice, List.of(), null, SKMSG, null));
    }

    private static Node enc(String type, int content) {
        return Node.builder("enc").attr("v", "2").attr("type", type).bytes(new byte[] {(byte) content}).build();
    }
}
