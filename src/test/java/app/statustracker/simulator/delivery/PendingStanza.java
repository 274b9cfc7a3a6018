package app.statustracker.simulator.delivery;

import app.statustracker.wa.binary.Node;
import java.util.Objects;

/**
 * A message or receipt the server owes a device until the device acks it (docs/protocol.md, Login).
 *
 * @param stanza       what is delivered, without {@code offline}
 * @param connectionId the connection it was last written to, or null while it waits in the offline queue
 */
public record PendingStanza(Node stanza, String connectionId) {

    /** Never sent yet: the device was offline when it arrived. */
    public boolean queued() {
        return connectionId == null;
    }

    /**
     * Whether {@code ack} acknowledges this stanza: same class (tag), id and participant, and for a receipt the
     * same type. Acks echo the participant they were given (Baileys buildAckStanza), which tells apart receipts
     * for one status id from different viewers; receipt acks echo the type too (Baileys, whatsmeow, our client),
     * which tells one viewer's delivery from their read of the same status: acking the delivery must not clear a
     * read the poster has not committed yet (message acks carry no type, so it is not compared for them).
     */
    public boolean ackedBy(Node ack) {
        return stanza.tag().equals(ack.attr("class"))
                && Objects.equals(stanza.attr("id"), ack.attr("id"))
                && Objects.equals(stanza.attr("participant"), ack.attr("participant"))
                && (!"receipt".equals(stanza.tag()) || Objects.equals(stanza.attr("type"), ack.attr("type")));
    }

    /** The copy sent when draining after a login: the same stanza with {@code offline="1"}
     * (docs/protocol.md, Simulator). */
    public Node forRedelivery() {
        var copy = Node.builder(stanza.tag()).attrs(stanza.attributes()).attr("offline", "1");
        // keep the content kind: an empty child list encodes differently from no content
        // (docs/protocol.md, Binary nodes)
        switch (stanza.contentKind()) {
            case CHILDREN -> copy.children(stanza.children());
            case BYTES -> copy.bytes(stanza.contentBytes());
            case TEXT -> copy.text(stanza.contentText());
            case NONE -> { }
        }
        return copy.build();
    }

    PendingStanza sentOn(String connection) {
        return new PendingStanza(stanza, connection);
    }
}
