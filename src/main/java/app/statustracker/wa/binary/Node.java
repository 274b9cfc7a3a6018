package app.statustracker.wa.binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stanza element of the WhatsApp binary protocol: a tag, ordered string attributes and optional content,
 * which is either child nodes, raw bytes or a string. Immutable.
 *
 * <p>Attribute order is kept because it is part of the encoding (Baileys writes attributes in insertion order)
 * and {@link #equals} therefore compares it too. JID-valued attributes are plain strings here; the encoder
 * recognises them by their {@code @} (docs/protocol.md, Binary nodes) and {@link #jidAttr} parses them.
 */
public final class Node {

    /** What a node carries after its attributes. */
    public enum ContentKind { NONE, CHILDREN, BYTES, TEXT }

    private final String tag;
    private final Map<String, String> attributes;
    private final ContentKind kind;
    private final Object content;

    private Node(String tag, Map<String, String> attributes, ContentKind kind, Object content) {
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("a node needs a non-empty tag");
        }
        this.tag = tag;
        this.attributes = attributes;
        this.kind = kind;
        this.content = content;
    }

    /** Trusted construction for the decoder and builder: the map and list are already private copies. */
    static Node create(String tag, LinkedHashMap<String, String> attributes, ContentKind kind, Object content) {
        return new Node(tag, Collections.unmodifiableMap(attributes), kind, content);
    }

    public static NodeBuilder builder(String tag) {
        return new NodeBuilder(tag);
    }

    public static Node of(String tag) {
        return builder(tag).build();
    }

    public static Node of(String tag, Map<String, String> attributes) {
        return builder(tag).attrs(attributes).build();
    }

    public static Node of(String tag, Map<String, String> attributes, List<Node> children) {
        return builder(tag).attrs(attributes).children(children).build();
    }

    /** A node holding only bytes, as key material travels ({@code <identity>…</identity>}). */
    public static Node of(String tag, byte[] bytes) {
        return builder(tag).bytes(bytes).build();
    }

    public static Node of(String tag, Map<String, String> attributes, byte[] bytes) {
        return builder(tag).attrs(attributes).bytes(bytes).build();
    }

    public static Node of(String tag, Map<String, String> attributes, String text) {
        return builder(tag).attrs(attributes).text(text).build();
    }

    public String tag() {
        return tag;
    }

    /** All attributes in wire order (unmodifiable). */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The attribute value, or null when absent. */
    public String attr(String key) {
        return attributes.get(key);
    }

    public String attr(String key, String fallback) {
        return attributes.getOrDefault(key, fallback);
    }

    /** The attribute a stanza cannot do without; its absence is the peer's protocol error. */
    public String requireAttr(String key) throws MalformedNodeException {
        String value = attributes.get(key);
        if (value == null) {
            throw new MalformedNodeException("<" + tag + "> lacks attribute " + key);
        }
        return value;
    }

    /** The attribute parsed as a JID, empty when absent; a present but invalid JID is the peer's error. */
    public Optional<Jid> jidAttr(String key) throws MalformedNodeException {
        String value = attributes.get(key);
        return value == null ? Optional.empty() : Optional.of(Jid.parse(value));
    }

    public ContentKind contentKind() {
        return kind;
    }

    public boolean hasContent() {
        return kind != ContentKind.NONE;
    }

    /** Child nodes in order; empty unless the content is a (possibly empty) child list. */
    @SuppressWarnings("unchecked")
    public List<Node> children() {
        return kind == ContentKind.CHILDREN ? (List<Node>) content : List.of();
    }

    public List<Node> children(String childTag) {
        return children().stream().filter(child -> child.tag.equals(childTag)).toList();
    }

    /** The first child with this tag. */
    public Optional<Node> child(String childTag) {
        return children().stream().filter(child -> child.tag.equals(childTag)).findFirst();
    }

    public Node requireChild(String childTag) throws MalformedNodeException {
        return child(childTag).orElseThrow(
                () -> new MalformedNodeException("<" + tag + "> lacks child <" + childTag + ">"));
    }

    /** A copy of the byte content, or null unless the content is bytes. */
    public byte[] contentBytes() {
        return kind == ContentKind.BYTES ? ((byte[]) content).clone() : null;
    }

    /** Length of the byte content without copying it; -1 unless the content is bytes. */
    public int contentBytesLength() {
        return kind == ContentKind.BYTES ? ((byte[]) content).length : -1;
    }

    /** The string content, or null unless the content is a string. */
    public String contentText() {
        return kind == ContentKind.TEXT ? (String) content : null;
    }

    /** Package-private view without the defensive copy, for the encoder. */
    Object rawContent() {
        return content;
    }

    /** The same node with other children, e.g. to add one while building a reply. */
    public Node withChildren(List<Node> children) {
        return builder(tag).attrs(attributes).children(new ArrayList<>(children)).build();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Node node)) {
            return false;
        }
        if (!tag.equals(node.tag) || kind != node.kind
                || !List.copyOf(attributes.entrySet()).equals(List.copyOf(node.attributes.entrySet()))) {
            return false;
        }
        return kind == ContentKind.BYTES
                ? Arrays.equals((byte[]) content, (byte[]) node.content)
                : Objects.equals(content, node.content);
    }

    @Override
    public int hashCode() {
        int contentHash = kind == ContentKind.BYTES ? Arrays.hashCode((byte[]) content) : Objects.hashCode(content);
        return Objects.hash(tag, attributes, kind, contentHash);
    }

    /** XML-like text for logs: bytes as hex, long bytes and text truncated. Not a serialisation. */
    @Override
    public String toString() {
        return NodeText.render(this);
    }
}
