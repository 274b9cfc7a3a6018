package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;
import java.util.List;

/**
 * The small queries a fresh companion sends after login (docs/protocol.md, Login) with minimal valid
 * answers: passive/active, A/B props, blocklist, privacy settings. Privacy answers {@code readreceipts=all}
 * because Baileys' readMessages reads it to choose between {@code read} and {@code read-self}.
 */
public final class AccountQueryHandler implements StanzaHandler {
    private static final List<String[]> PRIVACY = List.of(
            new String[] {"last", "all"}, new String[] {"online", "all"}, new String[] {"profile", "all"},
            new String[] {"status", "contacts"}, new String[] {"groupadd", "all"},
            new String[] {"readreceipts", "all"}, new String[] {"calladd", "all"});

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (Stanzas.isQuery(stanza, "set", "passive", null)) {
            if (stanza.child("active").isEmpty() && stanza.child("passive").isEmpty()) {
                connection.refuse("passive iq without <active/> or <passive/>");
                connection.send(Stanzas.error(stanza, 400, "bad-request"));
            } else {
                connection.send(Stanzas.result(stanza));
            }
        } else if (Stanzas.isQuery(stanza, "get", "abt", "props")) {
            connection.send(Stanzas.result(stanza).withChildren(List.of(
                    Node.builder("props").attr("protocol", "1").attr("hash", "simulator-0").build())));
        } else if (Stanzas.isQuery(stanza, "get", "blocklist", null)) {
            connection.send(Stanzas.result(stanza).withChildren(List.of(Node.builder("list").build())));
        } else if (Stanzas.isQuery(stanza, "get", "privacy", "privacy")) {
            connection.send(Stanzas.result(stanza).withChildren(List.of(Node.builder("privacy").children(
                    PRIVACY.stream().map(c -> Node.builder("category").attr("name", c[0]).attr("value", c[1]).build())
                            .toList()).build())));
        } else {
            return false;
        }
        return true;
    }
}
