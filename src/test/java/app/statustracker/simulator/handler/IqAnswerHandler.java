package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;

/**
 * A client's {@code result}/{@code error} iq answers one of ours (the pair-device ack, later
 * pair-device-sign). Nothing to send back (docs/protocol.md, Simulator); the journal has it.
 */
public final class IqAnswerHandler implements StanzaHandler {
    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        return Stanzas.isIq(stanza, "result") || Stanzas.isIq(stanza, "error");
    }
}
