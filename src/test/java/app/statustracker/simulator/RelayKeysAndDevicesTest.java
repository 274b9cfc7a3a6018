package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.state.PrimaryDevice;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVKeyIndexList;
import app.statustracker.wa.proto.AdvProtos.ADVSignedKeyIndexList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pre-key bundles (docs/protocol.md, Pre-keys) and usync device/LID discovery (docs/protocol.md, Status stanza) as a
 * logged-in device sees them. */
class RelayKeysAndDevicesTest extends RelayTestBase {

    @Test
    void bundlesAnswerPnAndLidDevicesWithThePrimaryAsDeviceZeroAndUseUpOneTimeKeys() throws Exception {
        RawDevice asker = online("15550004001", 1);
        RawDevice owner = device("15550004002", 2, 1);
        Node answer = asker.query(Node.builder("iq").attr("id", asker.account.phoneNumber() + "-k")
                .attr("xmlns", "encrypt").attr("type", "get").attr("to", "@s.whatsapp.net")
                .children(Node.builder("key").children(user(owner.account.lidJid(0)), user(owner.lidJid()),
                        user(owner.jid()), user("199999999999999:3@lid")).build()).build());
        List<Node> users = answer.child("list").orElseThrow().children("user");
        assertEquals(4, users.size());

        Node primary = users.get(0);
        assertEquals(owner.account.lidJid(0), primary.attr("jid"));
        byte[] identity = bytes(primary, "identity");
        assertArrayEquals(owner.account.identityKey().publicKey(), identity);
        assertEquals(owner.account.primary().registrationId(), intOf(bytes(primary, "registration")));
        assertArrayEquals(new byte[] {5}, bytes(primary, "type"));
        Node skey = primary.child("skey").orElseThrow();
        assertTrue(XEdDsa.verify(identity, Curve25519.withTypePrefix(bytes(skey, "value")), bytes(skey, "signature")));
        assertEquals(1, intOf(bytes(primary.child("key").orElseThrow(), "id")));
        assertEquals(PrimaryDevice.ONE_TIME_KEYS - 1, owner.account.primary().preKeys().count());

        Node companion = users.get(1);
        assertArrayEquals(owner.device.identityKey(), bytes(companion, "identity"));
        assertEquals(102, intOf(bytes(companion, "registration")));
        assertEquals(7, intOf(bytes(companion.child("skey").orElseThrow(), "id")));
        assertEquals(1, intOf(bytes(companion.child("key").orElseThrow(), "id")));
        Node samePerPn = users.get(2);
        assertEquals(owner.jid(), samePerPn.attr("jid"));
        assertTrue(samePerPn.child("skey").isPresent());
        assertTrue(samePerPn.child("key").isEmpty(), "its only one-time key went with the first fetch");

        Node unknown = users.get(3).child("error").orElseThrow();
        assertEquals("404", unknown.attr("code"));
    }

    @Test
    void usyncListsDeviceZeroAndCompanionsWithKeyIndexMapsPnToLidAndLeavesStrangersOut() throws Exception {
        RawDevice asker = online("15550004011", 1);
        RawDevice owner = device("15550004012", 3, 0);
        Node answer = asker.query(Node.builder("iq").attr("id", "u-1").attr("xmlns", "usync").attr("type", "get")
                .attr("to", "@s.whatsapp.net").children(Node.builder("usync").attr("sid", "u-1")
                        .attr("context", "message").attr("mode", "query").attr("last", "true").attr("index", "0")
                        .children(Node.builder("query").children(Node.builder("devices").attr("version", "2").build(),
                                Node.of("lid"), Node.of("contact")).build(),
                                Node.builder("list").children(user(owner.account.pnJid()),
                                        user(owner.account.lidJid(0)), user("15559999999@s.whatsapp.net")).build())
                        .build()).build());
        Node usync = answer.child("usync").orElseThrow();
        assertEquals("u-1", usync.attr("sid"));
        List<Node> users = usync.child("list").orElseThrow().children("user");

        Node byPn = users.get(0);
        List<Node> devices = byPn.child("devices").orElseThrow().child("device-list").orElseThrow().children("device");
        assertEquals(List.of("0", "3"), devices.stream().map(d -> d.attr("id")).toList());
        assertEquals(null, devices.get(0).attr("key-index"));
        assertEquals("3", devices.get(1).attr("key-index"));
        assertEquals(owner.account.lidJid(0), byPn.child("lid").orElseThrow().attr("val"));
        assertEquals("in", byPn.child("contact").orElseThrow().attr("type"));
        Node keyIndexList = byPn.child("devices").orElseThrow().child("key-index-list").orElseThrow();
        ADVSignedKeyIndexList signed = ADVSignedKeyIndexList.parseFrom(keyIndexList.contentBytes());
        byte[] details = signed.getDetails().toByteArray();
        byte[] message = new byte[details.length + 2];
        message[0] = 6;
        message[1] = 2;
        System.arraycopy(details, 0, message, 2, details.length);
        assertTrue(XEdDsa.verify(owner.account.identityKey().publicKey(), message,
                signed.getAccountSignature().toByteArray()));
        assertEquals(List.of(3), ADVKeyIndexList.parseFrom(details).getValidIndexesList());
        assertEquals(keyIndexList.attr("ts"), Long.toString(ADVKeyIndexList.parseFrom(details).getTimestamp()));

        Node byLid = users.get(1);
        assertEquals(2, byLid.child("devices").orElseThrow().child("device-list").orElseThrow().children().size());
        assertEquals(Optional.empty(), byLid.child("lid"), "a LID needs no LID mapping");

        Node stranger = users.get(2);
        assertTrue(stranger.child("devices").orElseThrow().child("device-list").orElseThrow().children().isEmpty());
        assertEquals("out", stranger.child("contact").orElseThrow().attr("type"));
        assertEquals(Optional.empty(), stranger.child("lid"));
    }

    private static Node user(String jid) {
        return Node.builder("user").attr("jid", jid).build();
    }

    private static byte[] bytes(Node parent, String child) {
        return parent.child(child).orElseThrow().contentBytes();
    }

    private static int intOf(byte[] bigEndian) {
        int value = 0;
        for (byte b : bigEndian) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
