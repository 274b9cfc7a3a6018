package app.statustracker.wa.binary;

import java.util.HexFormat;
import java.util.Map;

/** Renders nodes as one-line XML-like text for logs; bounded so a huge stanza cannot flood a log line. */
final class NodeText {
    static final int MAX_BYTES_SHOWN = 32;
    static final int MAX_TEXT_SHOWN = 200;
    static final int MAX_CHILDREN_SHOWN = 50;

    private NodeText() {
    }

    static String render(Node node) {
        StringBuilder out = new StringBuilder();
        append(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, Node node) {
        out.append('<').append(node.tag());
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            out.append(' ').append(attribute.getKey()).append("=\"");
            escape(out, attribute.getValue(), MAX_TEXT_SHOWN);
            out.append('"');
        }
        switch (node.contentKind()) {
            case NONE -> {
                out.append("/>");
                return;
            }
            case CHILDREN -> {
                out.append('>');
                int shown = 0;
                for (Node child : node.children()) {
                    if (shown++ == MAX_CHILDREN_SHOWN) {
                        out.append("<!-- ").append(node.children().size() - MAX_CHILDREN_SHOWN).append(" more -->");
                        break;
                    }
                    append(out, child);
                }
            }
            case BYTES -> {
                byte[] bytes = (byte[]) node.rawContent();
                int shown = Math.min(bytes.length, MAX_BYTES_SHOWN);
                out.append(">[").append(bytes.length).append(" bytes: ")
                        .append(HexFormat.of().formatHex(bytes, 0, shown))
                        .append(shown < bytes.length ? "…]" : "]");
            }
            case TEXT -> {
                out.append('>');
                escape(out, node.contentText(), MAX_TEXT_SHOWN);
            }
        }
        out.append("</").append(node.tag()).append('>');
    }

    /** XML escapes plus control characters as \\uXXXX, so a log line stays one line. */
    private static void escape(StringBuilder out, String text, int limit) {
        int end = Math.min(text.length(), limit);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (end < text.length()) {
            out.append("…(").append(text.length()).append(" chars)");
        }
    }
}
