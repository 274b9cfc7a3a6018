package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.relay.ReceiptShape;
import app.statustracker.simulator.relay.RelayedReceipt;
import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Viewer receipts to the poster in shape A and B, injected receipts, and retries routed to the sender
 * (docs/protocol.md, Receipts). */
class RelayReceiptsTest extends RelayTestBase {

    @Test
    void aReadReceiptReachesEveryPosterDeviceAsShapeAAndOnlyFromTheNamedPoster() throws Exception {
        RawDevice poster = online("15550006001", 1);
        RawDevice postersOther = online("15550006001", 2);
        RawDevice viewer = online("15550006002", 1);
        String id = post(poster, viewer);

        viewer.send(receipt(id, poster.account.lidJid(0), "read").attr("t", "1700000123").build());
        Node ack = viewer.next(n -> "ack".equals(n.tag()));
        assertEquals("receipt", ack.attr("class"));
        assertEquals("read", ack.attr("type"));
        for (RawDevice device : List.of(poster, postersOther)) {
            Node receipt = device.next(n -> "receipt".equals(n.tag()));
            assertEquals("status@broadcast", receipt.attr("from"));
            assertEquals(viewer.account.lidJid(0), receipt.attr("participant"));
            assertEquals(viewer.account.pnJid(), receipt.attr("participant_pn"));
            assertEquals(id, receipt.attr("id"));
            assertEquals("1700000123", receipt.attr("t"));
            assertEquals("read", receipt.attr("type"));
        }
        assertEquals(1, simulator.pendingStanzas(poster.account.phoneNumber(), 1).size());
        poster.send(Node.builder("ack").attr("id", id).attr("to", "status@broadcast").attr("class", "receipt")
                .attr("participant", viewer.account.lidJid(0)).attr("type", "read").build());
        awaitNothingOwed(poster);

        // a receipt naming someone else as the poster is not routed
        RawDevice stranger = online("15550006003", 1);
        viewer.send(receipt(id, stranger.account.lidJid(0), "played").build());
        assertTrue(poster.quietFor(300));
        assertEquals(1, simulator.receipts(id).size());
    }

    @Test
    void shapeBAndInjectedReceiptsCarryTheViewerAndTime() throws Exception {
        RawDevice poster = online("15550006011", 1);
        RawDevice viewer = online("15550006012", 1);
        simulator.createAccount("15550006013");
        String id = post(poster, viewer);

        RelayedReceipt injected = simulator.injectReceipt(id, "15550006013", "read", 1700000999L);
        Node shapeA = poster.next(n -> "receipt".equals(n.tag()));
        assertEquals(simulator.account("15550006013").lidJid(0), shapeA.attr("participant"));
        assertEquals("1700000999", shapeA.attr("t"));
        assertTrue(injected.injected());

        simulator.receiptShape(ReceiptShape.AGGREGATED);
        simulator.injectReceipt(id, "15550006013", "played", 1700001000L);
        viewer.send(receipt(id, poster.lidJid(), null).build());
        for (String type : List.of("played", "delivery")) {
            Node shapeB = poster.next(n -> "receipt".equals(n.tag()));
            assertNull(shapeB.attr("participant"));
            assertTrue(shapeB.attr("id").startsWith("SAGR"));
            Node participants = shapeB.child("participants").orElseThrow();
            assertEquals(id, participants.attr("message_id"));
            Node user = participants.child("user").orElseThrow();
            assertEquals(type, user.attr("type"));
            assertTrue(user.attr("participant_pn").endsWith("@s.whatsapp.net"));
        }
        List<RelayedReceipt> all = simulator.awaitReceipts(id, r -> true, 3, Duration.ofSeconds(2));
        assertEquals(List.of(ReceiptShape.PER_VIEWER, ReceiptShape.AGGREGATED, ReceiptShape.AGGREGATED),
                all.stream().map(RelayedReceipt::shape).toList());
        assertEquals(viewer.account.lidJid(0), all.get(2).viewerJid());
    }

    @Test
    void aRetryReceiptGoesToTheSenderWhoseBaileysStyleResendArrivesAsTheStatus() throws Exception {
        RawDevice poster = online("15550006021", 1);
        RawDevice postersOther = online("15550006021", 2);
        RawDevice viewer = online("15550006022", 1);
        String id = post(poster, viewer);

        viewer.send(receipt(id, poster.lidJid(), "retry").children(
                Node.builder("retry").attr("count", "1").attr("id", id).attr("v", "1").build(),
                Node.builder("registration").bytes(new byte[] {0, 0, 0, 101}).build()).build());
        Node retry = poster.next(n -> "receipt".equals(n.tag()));
        assertEquals("retry", retry.attr("type"));
        assertEquals(viewer.lidJid(), retry.attr("participant"), "the viewer device");
        assertEquals("1", retry.child("retry").orElseThrow().attr("count"));
        assertTrue(postersOther.quietFor(300), "only the sending device is asked");

        // Baileys rc14 addresses the resend to the viewer device instead of status@broadcast
        // (docs/protocol.md, Retries)
        poster.send(Node.builder("message").attr("id", id).attr("to", viewer.lidJid()).attr("type", "text")
                .children(Node.builder("enc").attr("v", "2").attr("type", "msg").attr("count", "1")
                        .bytes(new byte[8]).build()).build());
        assertEquals(viewer.lidJid(), poster.next(n -> isAck(n, id)).attr("from"));
        Node again = viewer.next(n -> "message".equals(n.tag()) && n.child("enc").map(e -> "1".equals(e.attr("count")))
                .orElse(false));
        assertEquals("status@broadcast", again.attr("from"));
        assertEquals(poster.lidJid(), again.attr("participant"));
        assertEquals(Long.toString(simulator.relayedMessage(id).serverTime()), again.attr("t"));
    }

    /** Posts a LID status from {@code poster} to {@code viewer}'s device and waits until the viewer has it. */
    private String post(RawDevice poster, RawDevice viewer) throws Exception {
        String id = newId();
        poster.send(status(id, List.of(to(viewer.lidJid(), "pkmsg", 1))));
        poster.next(n -> isAck(n, id));
        viewer.next(n -> "message".equals(n.tag()) && id.equals(n.attr("id")));
        return id;
    }

    private static app.statustracker.wa.binary.NodeBuilder receipt(String id, String participant, String type) {
        var receipt = Node.builder("receipt").attr("id", id).attr("to", "status@broadcast")
                .attr("participant", participant);
        return type == null ? receipt : receipt.attr("type", type);
    }

    private void awaitNothingOwed(RawDevice device) throws InterruptedException {
        for (int i = 0; i < 100 && !simulator.pendingStanzas(device.account.phoneNumber(),
                device.device.deviceId()).isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertTrue(simulator.pendingStanzas(device.account.phoneNumber(), device.device.deviceId()).isEmpty());
    }
}
