package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.pairing.CompanionLinker;
import app.statustracker.simulator.pairing.LinkCodeExchange;
import app.statustracker.simulator.pairing.LinkRejectedException;
import app.statustracker.wa.binary.Node;
import java.util.Optional;

/**
 * Linking stanzas from a companion: its answer to pair-success (docs/protocol.md, Pairing) and the pairing-code stages
 * companion_hello / companion_finish (docs/protocol.md, Pairing). A refused pairing-code stage gets error 400 (the
 * real server answers 400 e.g. for an unknown platform display, docs/protocol.md, Pairing) and the reason is recorded
 * on the connection.
 */
public final class PairingHandler implements StanzaHandler {
    private final CompanionLinker linker;
    private final LinkCodeExchange codes;

    public PairingHandler(CompanionLinker linker, LinkCodeExchange codes) {
        this.linker = linker;
        this.codes = codes;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (Stanzas.isIq(stanza, "result") || Stanzas.isIq(stanza, "error")) {
            return linker.onIqAnswer(connection, stanza);
        }
        Optional<Node> reg = stanza.child("link_code_companion_reg");
        if (!Stanzas.isQuery(stanza, "set", "md", null) || reg.isEmpty()) {
            return false;
        }
        String stage = reg.get().attr("stage", "");
        try {
            switch (stage) {
                case "companion_hello" -> codes.onCompanionHello(connection, stanza, reg.get());
                case "companion_finish" -> codes.onCompanionFinish(connection, stanza, reg.get());
                default -> throw new LinkRejectedException("unknown link_code_companion_reg stage " + stage);
            }
        } catch (LinkRejectedException e) {
            connection.refuse(stage + ": " + e.getMessage());
            connection.send(Stanzas.error(stanza, 400, "bad-request"));
        }
        return true;
    }
}
