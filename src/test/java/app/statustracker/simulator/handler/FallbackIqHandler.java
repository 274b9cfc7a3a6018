package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;

/**
 * Any get/set iq no other handler took gets an empty result: Baileys waits 60 s for an unanswered query
 * (docs/decisions.md, "Simulator layout": every iq is answered).
 */
public final class FallbackIqHandler implements StanzaHandler {
    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!Stanzas.isIq(stanza, "get") && !Stanzas.isIq(stanza, "set")) {
            return false;
        }
        connection.send(Stanzas.result(stanza));
        return true;
    }
}
