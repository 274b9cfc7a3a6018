package app.statustracker.simulator.handler;

import app.statustracker.wa.binary.Node;

/** Small builders for what the server says most often. */
public final class Stanzas {
    /** The server's JID as nodes carry it: empty user (docs/protocol.md, Binary nodes). */
    public static final String SERVER = "@s.whatsapp.net";

    private Stanzas() {
    }

    /** {@code <iq from="@s.whatsapp.net" type="result" id="<request id>"/>}: the minimal answer
     * (docs/protocol.md, Simulator). */
    public static Node result(Node request) {
        return Node.builder("iq").attr("from", SERVER).attr("type", "result").attr("id", request.attr("id", "")).build();
    }

    /** {@code <iq type="error"><error code text/></iq>}: how the server refuses a query. */
    public static Node error(Node request, int code, String text) {
        return Node.builder("iq").attr("from", SERVER).attr("type", "error").attr("id", request.attr("id", ""))
                .children(Node.builder("error").attr("code", Integer.toString(code)).attr("text", text).build())
                .build();
    }

    /** {@code <stream:error code="…">} with an optional child such as {@code <conflict type="replaced"/>}. */
    public static Node streamError(String code, Node child) {
        var builder = Node.builder("stream:error");
        if (code != null) {
            builder.attr("code", code);
        }
        if (child != null) {
            builder.children(child);
        }
        return builder.build();
    }

    /** The xmlns and first child tag of an iq, e.g. {@code isQuery(iq, "get", "encrypt", "count")}. */
    public static boolean isQuery(Node node, String type, String xmlns, String childTag) {
        return isIq(node, type) && xmlns.equals(node.attr("xmlns"))
                && (childTag == null || node.child(childTag).isPresent());
    }

    public static boolean isIq(Node node, String type) {
        return "iq".equals(node.tag()) && type.equals(node.attr("type"));
    }
}
