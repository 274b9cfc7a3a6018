package app.statustracker.simulator.handler;

import app.statustracker.wa.binary.Node;

/** Small builders for what the server says most often. */
public final class Stanzas {
    /** The server's JID as nodes carry it: empty user (§0). */
    public static final String SERVER = "@s.whatsapp.net";

    private Stanzas() {
    }

    /** {@code <iq from="@s.whatsapp.net" type="result" id="<request id>"/>}: the minimal answer (§14.3). */
    public static Node result(Node request) {
        return Node.builder("iq").attr("from", SERVER).attr("type", "result").attr("id", request.attr("id", "")).build();
    }

    public static boolean isIq(Node node, String type) {
        return "iq".equals(node.tag()) && type.equals(node.attr("type"));
    }
}
