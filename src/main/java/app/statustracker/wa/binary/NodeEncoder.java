package app.statustracker.wa.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes nodes byte for byte as Baileys 7.0.0-rc14 {@code encodeBinaryNode} does (docs/protocol.md, Binary nodes),
 * so the server, whatsmeow and Baileys all read them. Strings take the first form that applies: token, double-byte
 * token, NIBBLE_8, HEX_8, JID (text containing {@code @}), raw UTF-8.
 *
 * <p>JID text is written as JID_PAIR/AD_JID exactly where Baileys would write it <em>and</em> the result
 * decodes back to the same text. Where Baileys would silently corrupt the value (an {@code _agent} suffix, a
 * device above 255, a device on a server AD_JID cannot name, a second {@code @}) we write raw UTF-8 instead:
 * the bytes differ from Baileys' only for values Baileys itself cannot round-trip.
 */
public final class NodeEncoder {

    private final TokenDictionary tokens;

    public NodeEncoder() {
        this(TokenDictionary.v3());
    }

    public NodeEncoder(TokenDictionary tokens) {
        this.tokens = tokens;
    }

    /** Frame plaintext: the 0x00 flag byte (uncompressed) followed by the node, as clients send it. */
    public byte[] encode(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(0);
        writeNode(out, node);
        return out.toByteArray();
    }

    private void writeNode(ByteArrayOutputStream out, Node node) {
        Map<String, String> attributes = node.attributes();
        writeListStart(out, 1 + 2 * attributes.size() + (node.hasContent() ? 1 : 0));
        writeString(out, node.tag());
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            writeString(out, attribute.getKey());
            writeString(out, attribute.getValue());
        }
        switch (node.contentKind()) {
            case NONE -> { }
            case TEXT -> writeString(out, node.contentText());
            case BYTES -> writeBytes(out, (byte[]) node.rawContent());
            case CHILDREN -> {
                List<Node> children = node.children();
                writeListStart(out, children.size());
                for (Node child : children) {
                    writeNode(out, child);
                }
            }
        }
    }

    private static void writeListStart(ByteArrayOutputStream out, int size) {
        if (size == 0) {
            out.write(WireTags.LIST_EMPTY);
        } else if (size < 256) {
            out.write(WireTags.LIST_8);
            out.write(size);
        } else if (size <= 0xFFFF) {
            out.write(WireTags.LIST_16);
            out.write(size >>> 8);
            out.write(size);
        } else {
            throw new IllegalArgumentException("a list cannot hold " + size + " items (LIST_16 maximum 65535)");
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        int length = bytes.length;
        if (length >= 1 << 20) {
            out.write(WireTags.BINARY_32);
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        } else if (length >= 256) {
            out.write(WireTags.BINARY_20);
            out.write((length >>> 16) & 0x0F);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(WireTags.BINARY_8);
            out.write(length);
        }
        out.writeBytes(bytes);
    }

    private void writeString(ByteArrayOutputStream out, String text) {
        if (text.isEmpty()) {
            writeBytes(out, new byte[0]);
            return;
        }
        TokenDictionary.Token token = tokens.lookup(text);
        if (token != null) {
            if (!token.isSingleByte()) {
                out.write(WireTags.DICTIONARY_0 + token.dictionary());
            }
            out.write(token.index());
        } else if (PackedString.fitsNibble(text)) {
            PackedString.write(out, WireTags.NIBBLE_8, text);
        } else if (PackedString.fitsHex(text)) {
            PackedString.write(out, WireTags.HEX_8, text);
        } else if (text.indexOf('@') < 0 || !writeJid(out, text)) {
            writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes JID text the way Baileys' jidDecode + writeJid would, returning false (nothing written) when
     * that would not decode back to the same text.
     */
    private boolean writeJid(ByteArrayOutputStream out, String text) {
        int at = text.indexOf('@');
        String userPart = text.substring(0, at);
        String server = text.substring(at + 1);
        if (server.isEmpty() || server.indexOf('@') >= 0 || userPart.indexOf('_') >= 0) {
            return false;
        }
        int colon = userPart.indexOf(':');
        if (colon < 0) {
            out.write(WireTags.JID_PAIR);
            if (userPart.isEmpty()) {
                out.write(WireTags.LIST_EMPTY);
            } else {
                writeString(out, userPart);
            }
            writeString(out, server);
            return true;
        }
        // Baileys writes AD_JID for any ":device", even ":0" (which then decodes without it, as the same JID)
        int device = Jid.parseDevice(userPart.substring(colon + 1));
        int domain = adDomainType(server);
        if (device < 0 || device > 0xFF || domain < 0) {
            return false;
        }
        out.write(WireTags.AD_JID);
        out.write(domain);
        out.write(device);
        writeString(out, userPart.substring(0, colon));
        return true;
    }

    /** The AD_JID domain type naming this server, or -1 when AD_JID cannot carry it. */
    static int adDomainType(String server) {
        return switch (server) {
            case Jid.USER_SERVER -> WireTags.DOMAIN_WHATSAPP;
            case Jid.LID_SERVER -> WireTags.DOMAIN_LID;
            case Jid.HOSTED_SERVER -> WireTags.DOMAIN_HOSTED;
            case Jid.HOSTED_LID_SERVER -> WireTags.DOMAIN_HOSTED_LID;
            default -> -1;
        };
    }
}
