package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;

/** Keep-alive: {@code <iq xmlns="w:p" type="get">} (with or without {@code <ping/>}, docs/protocol.md, Login) gets a
 * bare result. */
public final class PingHandler implements StanzaHandler {
    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!Stanzas.isIq(stanza, "get") || !"w:p".equals(stanza.attr("xmlns"))) {
            return false;
        }
        connection.send(Stanzas.result(stanza));
        return true;
    }
}
