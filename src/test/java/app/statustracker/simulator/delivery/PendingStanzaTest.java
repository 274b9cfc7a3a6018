package app.statustracker.simulator.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Node;
import org.junit.jupiter.api.Test;

/** Which ack clears which owed stanza: a viewer's delivery and read of one status are owed (and acked) apart. */
class PendingStanzaTest {
    private static final String VIEWER = "100000000000001@lid";

    private static Node receipt(String type) {
        var b = Node.builder("receipt").attr("from", "status@broadcast").attr("participant", VIEWER)
                .attr("id", "3EB0AA").attr("t", "1700000000");
        return (type == null ? b : b.attr("type", type)).build();
    }

    private static Node ack(String tagClass, String participant, String type) {
        var b = Node.builder("ack").attr("class", tagClass).attr("id", "3EB0AA");
        if (participant != null) {
            b.attr("participant", participant);
        }
        return (type == null ? b : b.attr("type", type)).build();
    }

    @Test
    void aReceiptAckClearsOnlyTheReceiptOfItsType() {
        PendingStanza delivery = new PendingStanza(receipt(null), "c1");
        PendingStanza read = new PendingStanza(receipt("read"), "c1");
        assertTrue(delivery.ackedBy(ack("receipt", VIEWER, null)));
        assertFalse(read.ackedBy(ack("receipt", VIEWER, null)), "the delivery's ack leaves the read owed");
        assertTrue(read.ackedBy(ack("receipt", VIEWER, "read")));
        assertFalse(delivery.ackedBy(ack("receipt", VIEWER, "read")));
        assertFalse(read.ackedBy(ack("receipt", "100000000000002@lid", "read")), "another viewer's");
    }

    @Test
    void aMessageAckNeedsNoType() {
        PendingStanza message = new PendingStanza(Node.builder("message").attr("id", "3EB0AA").attr("type", "text")
                .attr("from", "status@broadcast").build(), "c1");
        assertTrue(message.ackedBy(ack("message", null, null)));
        assertFalse(message.ackedBy(ack("receipt", null, null)));
    }
}
