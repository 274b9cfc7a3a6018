package app.statustracker.wa.binary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link Node}; attributes keep the order in which they are added. */
public final class NodeBuilder {
    private final String tag;
    private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
    private Node.ContentKind kind = Node.ContentKind.NONE;
    private Object content;

    NodeBuilder(String tag) {
        this.tag = tag;
    }

    public NodeBuilder attr(String key, String value) {
        attributes.put(Objects.requireNonNull(key, "attribute key"),
                Objects.requireNonNull(value, () -> "value of attribute " + key));
        return this;
    }

    /** Sets {@code key} to its value in {@code from}, if {@code from} has it (an ack echoing a stanza's attributes). */
    public NodeBuilder attrFrom(Node from, String key) {
        String value = from.attr(key);
        return value == null ? this : attr(key, value);
    }

    public NodeBuilder attr(String key, Jid value) {
        return attr(key, value.toString());
    }

    public NodeBuilder attrs(Map<String, String> values) {
        values.forEach(this::attr);
        return this;
    }

    /** Child content; an empty list is still content (encoded as LIST_EMPTY, unlike no content). */
    public NodeBuilder children(List<Node> children) {
        List<Node> copy = new ArrayList<>(children.size());
        for (Node child : children) {
            copy.add(Objects.requireNonNull(child, "child node"));
        }
        return content(Node.ContentKind.CHILDREN, List.copyOf(copy));
    }

    public NodeBuilder children(Node... children) {
        return children(List.of(children));
    }

    public NodeBuilder bytes(byte[] bytes) {
        return content(Node.ContentKind.BYTES, bytes.clone());
    }

    public NodeBuilder text(String text) {
        return content(Node.ContentKind.TEXT, Objects.requireNonNull(text, "text content"));
    }

    private NodeBuilder content(Node.ContentKind newKind, Object newContent) {
        kind = newKind;
        content = newContent;
        return this;
    }

    public Node build() {
        return Node.create(tag, new LinkedHashMap<>(attributes), kind, content);
    }
}
