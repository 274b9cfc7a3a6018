package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.delivery.Deliveries;
import app.statustracker.wa.binary.Node;

/**
 * A device's {@code <ack>} for a message or receipt the server pushed (docs/protocol.md, Login): the server stops
 * owing it, so it is not delivered again on the next login. A nack ({@code error}) counts too: the device has it and
 * said it will not take it.
 */
public final class AckHandler implements StanzaHandler {
    private final Deliveries deliveries;

    public AckHandler(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!"ack".equals(stanza.tag())) {
            return false;
        }
        connection.device().ifPresent(device -> deliveries.acked(device, stanza));
        return true;
    }
}
