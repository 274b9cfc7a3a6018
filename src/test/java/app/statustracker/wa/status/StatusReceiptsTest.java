package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.status.StatusReceipt.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusReceiptsTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Jid VIEWER_LID = Jid.of("100000000000007", Jid.LID_SERVER);
    private static final Jid VIEWER_PN = Jid.of("15550000007", Jid.USER_SERVER);

    @Test
    void shapeAOneReceiptPerIdWithTheViewersPhoneNumber() {
        Node receipt = Node.builder("receipt").attr("from", "status@broadcast").attr("participant", "100000000000007:3@lid")
                .attr("participant_pn", "15550000007@s.whatsapp.net").attr("id", "3EB0A").attr("t", "1700000000")
                .attr("type", "read")
                .children(Node.builder("list").children(
                        Node.builder("item").attr("id", "3EB0B").build(),
                        Node.builder("item").attr("id", "3EB0C").build()).build())
                .build();
        assertTrue(StatusReceipts.isStatusReceipt(receipt));
        Instant t = Instant.ofEpochSecond(1700000000L);
        assertEquals(List.of(
                new StatusReceipt("3EB0A", VIEWER_LID, Optional.of(VIEWER_PN), Kind.READ, t),
                new StatusReceipt("3EB0B", VIEWER_LID, Optional.of(VIEWER_PN), Kind.READ, t),
                new StatusReceipt("3EB0C", VIEWER_LID, Optional.of(VIEWER_PN), Kind.READ, t)),
                StatusReceipts.parse(receipt, CLOCK));
    }

    @Test
    void shapeATypes() {
        assertEquals(Kind.DELIVERY, kindOfA(null));
        assertEquals(Kind.DELIVERY, kindOfA("inactive"));
        assertEquals(Kind.READ, kindOfA("read"));
        assertEquals(Kind.READ, kindOfA("read-self"));
        assertEquals(Kind.PLAYED, kindOfA("played"));
        for (String notAView : List.of("retry", "sender", "server-error", "hist_sync", "peer_msg")) {
            assertTrue(StatusReceipts.parse(receiptA(notAView), CLOCK).isEmpty(), notAView);
        }
    }

    @Test
    void shapeAWithoutTimeUsesTheClockAndPnViewerKeepsNoExtraPhoneNumber() {
        Node receipt = Node.builder("receipt").attr("from", "status@broadcast")
                .attr("participant", "15550000007@s.whatsapp.net").attr("id", "3EB0A").build();
        assertEquals(List.of(new StatusReceipt("3EB0A", VIEWER_PN, Optional.empty(), Kind.DELIVERY, NOW)),
                StatusReceipts.parse(receipt, CLOCK));
    }

    @Test
    void shapeBAggregatedByMessage() {
        Node receipt = Node.builder("receipt").attr("from", "status@broadcast").attr("id", "SAGR1").attr("t", "1700000100")
                .attr("class", "status")
                .children(Node.builder("participants").attr("message_id", "3EB0A").children(
                        Node.builder("user").attr("jid", "100000000000007@lid").attr("t", "1700000001")
                                .attr("type", "delivery").build(),
                        Node.builder("user").attr("jid", "100000000000007@lid").attr("t", "1700000002")
                                .attr("type", "read").attr("participant_pn", "15550000007@s.whatsapp.net").build(),
                        Node.builder("user").attr("jid", "100000000000008@lid").build()).build())
                .build();
        assertEquals(List.of(
                new StatusReceipt("3EB0A", VIEWER_LID, Optional.empty(), Kind.DELIVERY, Instant.ofEpochSecond(1700000001L)),
                new StatusReceipt("3EB0A", VIEWER_LID, Optional.of(VIEWER_PN), Kind.READ, Instant.ofEpochSecond(1700000002L)),
                new StatusReceipt("3EB0A", Jid.of("100000000000008", Jid.LID_SERVER), Optional.empty(), Kind.DELIVERY,
                        Instant.ofEpochSecond(1700000100L))),
                StatusReceipts.parse(receipt, CLOCK));
    }

    @Test
    void shapeBAggregatedByTypeUsesKeyAndTheStanzaType() {
        Node receipt = Node.builder("receipt").attr("from", "status@broadcast").attr("id", "SAGR2").attr("type", "played")
                .children(Node.builder("participants").attr("key", "3EB0K").children(
                        Node.builder("user").attr("jid", "100000000000007@lid").attr("t", "1700000005").build()).build())
                .build();
        assertEquals(List.of(new StatusReceipt("3EB0K", VIEWER_LID, Optional.empty(), Kind.PLAYED,
                Instant.ofEpochSecond(1700000005L))), StatusReceipts.parse(receipt, CLOCK));
        Node noKey = Node.builder("receipt").attr("from", "status@broadcast").attr("id", "3EB0S").attr("type", "read")
                .children(Node.builder("participants").children(
                        Node.builder("user").attr("jid", "100000000000007@lid").build()).build()).build();
        assertEquals("3EB0S", StatusReceipts.parse(noKey, CLOCK).get(0).statusId());
    }

    @Test
    void receiptsFromChatsAreNotStatusReceipts() {
        Node chat = Node.builder("receipt").attr("from", "15550000007@s.whatsapp.net").attr("id", "X").build();
        assertFalse(StatusReceipts.isStatusReceipt(chat));
    }

    private static Kind kindOfA(String type) {
        return StatusReceipts.parse(receiptA(type), CLOCK).get(0).kind();
    }

    private static Node receiptA(String type) {
        var receipt = Node.builder("receipt").attr("from", "status@broadcast").attr("participant", "100000000000007@lid")
                .attr("id", "3EB0A").attr("t", "1700000000");
        if (type != null) {
            receipt.attr("type", type);
        }
        return receipt.build();
    }
}
