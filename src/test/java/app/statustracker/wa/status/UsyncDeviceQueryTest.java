package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsyncDeviceQueryTest {
    private static final Jid PN = Jid.of("15550000002", Jid.USER_SERVER);
    private static final Jid LID = Jid.of("100000012345678", Jid.LID_SERVER);

    @Test
    void queryShapeOfNotes82() {
        Node expected = Node.builder("iq").attr("xmlns", "usync").attr("type", "get").attr("to", "@s.whatsapp.net")
                .children(Node.builder("usync").attr("context", "message").attr("mode", "query").attr("sid", "s1")
                        .attr("last", "true").attr("index", "0")
                        .children(
                                Node.builder("query").children(
                                        Node.builder("devices").attr("version", "2").build(),
                                        Node.of("lid")).build(),
                                Node.builder("list").children(
                                        Node.builder("user").attr("jid", "15550000002@s.whatsapp.net").build(),
                                        Node.builder("user").attr("jid", "100000012345678@lid").build()).build())
                        .build())
                .build();
        // a device JID is queried as its user
        assertEquals(expected, UsyncDeviceQuery.build(List.of(PN.withDevice(3), LID), "s1"));
    }

    @Test
    void parsesLidAndUsableDevices() throws Exception {
        Node answer = result(user("15550000002@s.whatsapp.net",
                Node.builder("devices").children(
                        Node.builder("device-list").children(
                                device("0", null, null),
                                device("1", "1", null),
                                device("2", null, null),          // companion without key-index: unusable
                                device("99", "4", "true"),        // hosted
                                device("5", "3", "false")).build(),
                        Node.builder("key-index-list").attr("ts", "1700000000").bytes(new byte[8]).build()).build(),
                Node.builder("lid").attr("val", "100000012345678@lid").build(),
                Node.builder("contact").attr("type", "in").build()));
        Map<Jid, DiscoveredUser> users = UsyncDeviceQuery.parse(answer);
        DiscoveredUser user = users.get(PN);
        assertEquals(Optional.of(LID), user.lid());
        assertEquals(List.of(0, 1, 5), user.deviceIds());
        assertEquals(Optional.empty(), user.error());
        assertEquals(List.of(LID, LID.withDevice(1), LID.withDevice(5)), user.devicesOf(LID));
    }

    @Test
    void errorsBelongToTheirUser() throws Exception {
        Node answer = result(
                user("15550000009@s.whatsapp.net",
                        Node.builder("devices").children(Node.builder("error").attr("code", "404")
                                .attr("text", "item-not-found").build()).build(),
                        Node.of("lid")),
                user("100000012345678@lid", Node.builder("devices").children(
                        Node.builder("device-list").children(device("0", null, null)).build()).build()));
        Map<Jid, DiscoveredUser> users = UsyncDeviceQuery.parse(answer);
        DiscoveredUser missing = users.get(Jid.of("15550000009", Jid.USER_SERVER));
        assertEquals(Optional.of("404 item-not-found"), missing.error());
        assertEquals(Optional.empty(), missing.lid());
        assertTrue(missing.deviceIds().isEmpty());
        assertEquals(List.of(0), users.get(LID).deviceIds());
    }

    @Test
    void refusedOrMalformedAnswers() {
        Node refused = Node.builder("iq").attr("type", "error").attr("id", "1")
                .children(Node.builder("error").attr("code", "429").attr("text", "rate-overlimit").build()).build();
        IqErrorException e = assertThrows(IqErrorException.class, () -> UsyncDeviceQuery.parse(refused));
        assertEquals(429, e.code());
        Node empty = Node.builder("iq").attr("type", "result").attr("id", "1").build();
        assertThrows(MalformedNodeException.class, () -> UsyncDeviceQuery.parse(empty));
    }

    static Node result(Node... users) {
        return Node.builder("iq").attr("from", "@s.whatsapp.net").attr("type", "result").attr("id", "1")
                .children(Node.builder("usync").attr("sid", "s1").children(
                        Node.of("result"),
                        Node.builder("list").children(users).build()).build())
                .build();
    }

    static Node user(String jid, Node... children) {
        return Node.builder("user").attr("jid", jid).children(children).build();
    }

    static Node device(String id, String keyIndex, String hosted) {
        var device = Node.builder("device").attr("id", id);
        if (keyIndex != null) {
            device.attr("key-index", keyIndex);
        }
        if (hosted != null) {
            device.attr("is_hosted", hosted);
        }
        return device.build();
    }
}
