package app.statustracker.wa.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.signal.PreKey;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientStanzasTest {
    private static final Jid ME = Jid.of("15551234567", 2, Jid.USER_SERVER);

    @Test
    void notificationAckEchoesTypeAndSender() {
        Node ack = ClientStanzas.ack(Node.builder("notification").attr("from", "@s.whatsapp.net")
                .attr("type", "link_code_companion_reg").attr("id", "N1").attr("t", "1").build(), ME);
        assertEquals(Node.builder("ack").attr("class", "notification").attr("id", "N1").attr("to", "@s.whatsapp.net")
                .attr("type", "link_code_companion_reg").build(), ack);
    }

    @Test
    void messageAckOmitsTypeAndNamesOurDevice() {
        Node ack = ClientStanzas.ack(Node.builder("message").attr("from", "status@broadcast").attr("type", "text")
                .attr("id", "M1").attr("participant", "100000000000001@lid").build(), ME);
        assertEquals("message", ack.attr("class"));
        assertEquals("status@broadcast", ack.attr("to"));
        assertEquals("100000000000001@lid", ack.attr("participant"));
        assertEquals(ME.toString(), ack.attr("from"));
        assertNull(ack.attr("type"));
    }

    @Test
    void receiptAckKeepsType() {
        Node ack = ClientStanzas.ack(Node.builder("receipt").attr("from", "status@broadcast").attr("id", "R1")
                .attr("participant", "1555@s.whatsapp.net").attr("type", "read").build(), ME);
        assertEquals("read", ack.attr("type"));
        assertEquals("receipt", ack.attr("class"));
    }

    @Test
    void preKeyUploadShape() {
        DeviceCredentials credentials = DeviceCredentials.generate(new SecureRandom());
        Node upload = ClientStanzas.preKeyUpload(credentials,
                List.of(new PreKey(1, Curve25519.generateKeyPair()), new PreKey(0x010203, Curve25519.generateKeyPair())));
        assertEquals("encrypt", upload.attr("xmlns"));
        assertEquals("set", upload.attr("type"));
        assertEquals(List.of("registration", "type", "identity", "list", "skey"),
                upload.children().stream().map(Node::tag).toList());
        List<Node> keys = upload.child("list").orElseThrow().children("key");
        assertEquals(2, keys.size());
        assertEquals("010203", java.util.HexFormat.of().formatHex(keys.get(1).child("id").orElseThrow().contentBytes()));
        assertEquals(64, upload.child("skey").orElseThrow().child("signature").orElseThrow().contentBytesLength());
    }
}
