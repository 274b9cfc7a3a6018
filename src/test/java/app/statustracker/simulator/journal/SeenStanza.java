package app.statustracker.simulator.journal;

import app.statustracker.wa.binary.Node;
import java.time.Instant;

/**
 * One stanza the simulator decrypted or encrypted on a connection.
 *
 * @param sequence     simulator-wide order of recording, starting at 1
 * @param connectionId which connection ({@code c1}, {@code c2}, …)
 * @param direction    client → simulator or simulator → client
 * @param node         the stanza
 * @param at           when it was recorded (outbound: when queued, before any configured delay)
 */
public record SeenStanza(long sequence, String connectionId, Direction direction, Node node, Instant at) {

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }

    public boolean isOutbound() {
        return direction == Direction.OUTBOUND;
    }

    /** An iq whose {@code type} attribute is the given one. */
    public boolean isIq(String type) {
        return "iq".equals(node.tag()) && type.equals(node.attr("type"));
    }
}
