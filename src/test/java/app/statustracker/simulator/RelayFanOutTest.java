package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.relay.AckFault;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.wa.binary.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status fan-out (docs/protocol.md, Simulator), what the server refuses (docs/protocol.md, Status stanza), and the
 * offline queue with redelivery (docs/protocol.md, Login and Simulator). */
class RelayFanOutTest extends RelayTestBase {

    @Test
    void refusesWhatTheRealServerRefusesAndRelaysNothingThen() throws Exception {
        RawDevice poster = online("15550005001", 1);
        RawDevice viewer = online("15550005002", 1);
        assertRefused(poster, status(newId(), List.of(to(viewer.account.pnJid(), "pkmsg", 1))), "479");
        assertRefused(poster, status(newId(), List.of(to(viewer.lidJid(), "pkmsg", 1), to(viewer.account.pnJid()))),
                "400");
        Node withMode = status(newId(), List.of(to(viewer.lidJid(), "pkmsg", 1)));
        assertRefused(poster, Node.builder("message").attrs(withMode.attributes()).attr("addressing_mode", "lid")
                .children(withMode.children()).build(), "479");
        assertRefused(poster, Node.builder("message").attr("id", newId()).attr("to", "status@broadcast")
                .attr("type", "text").children(Node.builder("participants").children(to(viewer.lidJid(), "pkmsg", 1))
                        .build()).build(), "400");
        assertTrue(viewer.quietFor(300), "nothing refused reaches the viewer");

        // PN mode when allowed: participant is the PN device, participant_lid its LID, no addressing_mode
        simulator.acceptPnAddressedStatus(true);
        String id = newId();
        poster.send(status(id, List.of(to(viewer.jid(), "pkmsg", 1))));
        Node copy = viewer.next(n -> "message".equals(n.tag()));
        assertEquals(poster.jid(), copy.attr("participant"));
        assertEquals(poster.lidJid(), copy.attr("participant_lid"));
        assertNull(copy.attr("addressing_mode"));
        assertNull(poster.next(n -> isAck(n, id)).attr("error"));
    }

    @Test
    void fansOutToEveryOtherDeviceAndQueuesForOfflineOnesUntilTheyAck() throws Exception {
        RawDevice poster = online("15550005011", 1);
        RawDevice postersOther = online("15550005011", 2);
        RawDevice viewerOnline = online("15550005012", 1);
        RawDevice viewerOffline = device("15550005012", 2, 0);
        simulator.setPushName(poster.account.phoneNumber(), "Poster");
        String id = newId();
        // a device entry with its own enc and a bare user entry, as WA Web sends them (docs/protocol.md, Status stanza)
        poster.send(status(id, List.of(to(viewerOnline.lidJid(), "pkmsg", 1), to(poster.account.lidJid(0)))));

        Node ack = poster.next(n -> isAck(n, id));
        assertEquals("message", ack.attr("class"));
        assertEquals("status@broadcast", ack.attr("from"));
        RelayedMessage relayed = simulator.relayedMessage(id);
        assertEquals(Long.toString(relayed.serverTime()), ack.attr("t"));
        assertEquals(List.of(viewerOnline.account.phoneNumber(), poster.account.phoneNumber()), relayed.audience());

        Node copy = viewerOnline.next(n -> "message".equals(n.tag()));
        assertEquals("status@broadcast", copy.attr("from"));
        assertEquals(id, copy.attr("id"));
        assertEquals("text", copy.attr("type"));
        assertEquals(poster.lidJid(), copy.attr("participant"));
        assertEquals(poster.jid(), copy.attr("participant_pn"));
        assertEquals("lid", copy.attr("addressing_mode"));
        assertEquals("Poster", copy.attr("notify"));
        assertEquals(ack.attr("t"), copy.attr("t"));
        assertEquals(List.of("pkmsg", "skmsg"), copy.children("enc").stream().map(e -> e.attr("type")).toList());
        Node ownCopy = postersOther.next(n -> "message".equals(n.tag()));
        assertEquals(List.of("skmsg"), ownCopy.children("enc").stream().map(e -> e.attr("type")).toList());
        assertTrue(poster.quietFor(300), "the sending device gets no copy");

        assertEquals(1, simulator.pendingStanzas(viewerOnline.account.phoneNumber(), 1).size());
        viewerOnline.send(Node.builder("ack").attr("id", id).attr("to", "status@broadcast").attr("class", "message")
                .attr("participant", copy.attr("participant")).attr("type", "text").build());
        awaitOwed(viewerOnline, 0);

        assertEquals(1, simulator.offlineQueueSize(viewerOffline.account.phoneNumber(), 2));
        for (int login = 0; login < 2; login++) {
            List<Node> first = viewerOffline.login();
            assertEquals(List.of("success", "message", "ib"), first.stream().map(Node::tag).toList());
            assertEquals("1", first.get(1).attr("offline"));
            assertEquals(id, first.get(1).attr("id"));
            assertEquals("1", first.get(2).child("offline").orElseThrow().attr("count"));
            assertEquals(0, simulator.offlineQueueSize(viewerOffline.account.phoneNumber(), 2));
            assertEquals(1, simulator.pendingStanzas(viewerOffline.account.phoneNumber(), 2).size(), "unacked");
            if (login == 0) {
                viewerOffline.close();  // not acked: delivered again on the next login
            }
        }
        // Baileys acknowledges a decrypted message with its delivery receipt alone
        viewerOffline.send(Node.builder("receipt").attr("id", id).attr("to", "status@broadcast")
                .attr("participant", poster.lidJid()).attr("type", "inactive").build());
        awaitOwed(viewerOffline, 0);
    }

    @Test
    void aDroppedAckStillRelaysTheStatus() throws Exception {
        RawDevice poster = online("15550005021", 1);
        RawDevice viewer = online("15550005022", 1);
        simulator.faultMessageAcks(poster.account.phoneNumber(), AckFault.drop(), 1);
        String id = newId();
        poster.send(status(id, List.of(to(viewer.lidJid(), "msg", 2))));
        assertEquals(id, viewer.next(n -> "message".equals(n.tag())).attr("id"));
        assertTrue(poster.quietFor(300), "no ack");
        assertTrue(simulator.relayedMessage(id).ackDropped());

        String next = newId();
        poster.send(status(next, List.of(to(viewer.lidJid(), "msg", 3))));
        assertNull(poster.next(n -> isAck(n, next)).attr("error"), "the fault was used up");
    }

    private void assertRefused(RawDevice poster, Node status, String code) throws Exception {
        poster.send(status);
        String id = status.attr("id");
        assertEquals(code, poster.next(n -> isAck(n, id)).attr("error"));
        RelayedMessage refused = simulator.awaitRelayedMessage(id, java.time.Duration.ofSeconds(1)).orElseThrow();
        assertEquals(code, refused.ackError());
        assertTrue(refused.deliveries().isEmpty());
    }

    private void awaitOwed(RawDevice device, int count) throws InterruptedException {
        for (int i = 0; i < 100 && simulator.pendingStanzas(device.account.phoneNumber(),
                device.device.deviceId()).size() != count; i++) {
            Thread.sleep(20);
        }
        assertEquals(count, simulator.pendingStanzas(device.account.phoneNumber(), device.device.deviceId()).size());
    }
}
