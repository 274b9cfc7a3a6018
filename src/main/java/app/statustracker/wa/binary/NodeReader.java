package app.statustracker.wa.binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One decoding pass over one node buffer. Every length is checked against the bytes that remain before
 * anything is allocated, so a forged length can neither throw outside our exception type nor reserve memory
 * the input does not back; {@link DecodeLimits} bound depth and element count on top.
 */
final class NodeReader {
    /** Smallest encoded node: LIST_8, size 1, a one-byte token tag. */
    private static final int MIN_NODE_BYTES = 3;
    /** JIDs may nest (Baileys writes "a@b@c" as a JID inside a JID) but never usefully deeper than this. */
    private static final int MAX_JID_NESTING = 3;

    private final byte[] data;
    private final TokenDictionary tokens;
    private final DecodeLimits limits;
    private int position;
    private int depth;
    private int elements;
    private int jidNesting;

    NodeReader(byte[] data, int offset, TokenDictionary tokens, DecodeLimits limits) {
        this.data = data;
        this.position = offset;
        this.tokens = tokens;
        this.limits = limits;
    }

    Node readRoot() throws MalformedNodeException {
        Node node = readNode();
        if (position != data.length) {
            throw new MalformedNodeException((data.length - position) + " bytes left after the node");
        }
        return node;
    }

    private Node readNode() throws MalformedNodeException {
        if (++depth > limits.maxDepth()) {
            throw new NodeLimitExceededException("nodes nested deeper than " + limits.maxDepth());
        }
        countElements(1);
        int size = readListSize(readByte());
        if (size == 0) {
            throw malformed("node with an empty list");
        }
        String tag = readString(readByte());
        if (tag.isEmpty()) {
            throw malformed("node with an empty tag");
        }
        int attributeCount = (size - 1) / 2;
        // each attribute takes at least two bytes (two single-byte strings)
        requireRemaining(2L * attributeCount);
        countElements(attributeCount);
        LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            String key = readString(readByte());
            attributes.put(key, readString(readByte()));
        }
        Node node = size % 2 == 0 ? readContent(tag, attributes) : Node.create(tag, attributes, Node.ContentKind.NONE, null);
        depth--;
        return node;
    }

    private Node readContent(String tag, LinkedHashMap<String, String> attributes) throws MalformedNodeException {
        int contentTag = readByte();
        switch (contentTag) {
            case WireTags.LIST_EMPTY, WireTags.LIST_8, WireTags.LIST_16 -> {
                int count = readListSize(contentTag);
                requireRemaining((long) MIN_NODE_BYTES * count);
                List<Node> children = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    children.add(readNode());
                }
                return Node.create(tag, attributes, Node.ContentKind.CHILDREN, Collections.unmodifiableList(children));
            }
            case WireTags.BINARY_8, WireTags.BINARY_20, WireTags.BINARY_32 -> {
                return Node.create(tag, attributes, Node.ContentKind.BYTES, readBytes(readLength(contentTag)));
            }
            default -> {
                return Node.create(tag, attributes, Node.ContentKind.TEXT, readString(contentTag));
            }
        }
    }

    private int readListSize(int tag) throws MalformedNodeException {
        return switch (tag) {
            case WireTags.LIST_EMPTY -> 0;
            case WireTags.LIST_8 -> readByte();
            case WireTags.LIST_16 -> readUint(2);
            default -> throw malformed("expected a list, found tag " + tag);
        };
    }

    private String readString(int tag) throws MalformedNodeException {
        if (tag >= 1 && tag < WireTags.DICTIONARY_0) {
            String token = tokens.single(tag);
            if (token == null) {
                throw malformed("unknown single-byte token " + tag);
            }
            return token;
        }
        switch (tag) {
            case WireTags.LIST_EMPTY:
                return "";
            case WireTags.BINARY_8, WireTags.BINARY_20, WireTags.BINARY_32:
                return new String(readBytes(readLength(tag)), StandardCharsets.UTF_8);
            case WireTags.NIBBLE_8, WireTags.HEX_8:
                return readPacked(tag);
            case WireTags.JID_PAIR, WireTags.AD_JID, WireTags.FB_JID, WireTags.INTEROP_JID:
                if (++jidNesting > MAX_JID_NESTING) {
                    throw new NodeLimitExceededException("JIDs nested deeper than " + MAX_JID_NESTING);
                }
                String jid = readJid(tag);
                jidNesting--;
                return jid;
            default:
                if (tag >= WireTags.DICTIONARY_0 && tag <= WireTags.DICTIONARY_3) {
                    int index = readByte();
                    String token = tokens.doubleByte(tag - WireTags.DICTIONARY_0, index);
                    if (token == null) {
                        throw malformed("unknown double-byte token " + (tag - WireTags.DICTIONARY_0) + "/" + index);
                    }
                    return token;
                }
                throw malformed("tag " + tag + " does not start a string");
        }
    }

    /** JID text as Baileys renders it (jidEncode for AD_JID; FB/interop always show the device). */
    private String readJid(int tag) throws MalformedNodeException {
        switch (tag) {
            case WireTags.JID_PAIR -> {
                String user = readString(readByte());
                String server = readString(readByte());
                if (server.isEmpty()) {
                    throw malformed("JID pair without a server");
                }
                return user + "@" + server;
            }
            case WireTags.AD_JID -> {
                int domainType = readByte();
                int device = readByte();
                String user = readString(readByte());
                String server = switch (domainType) {
                    case WireTags.DOMAIN_LID -> Jid.LID_SERVER;
                    case WireTags.DOMAIN_HOSTED -> Jid.HOSTED_SERVER;
                    case WireTags.DOMAIN_HOSTED_LID -> Jid.HOSTED_LID_SERVER;
                    // Baileys maps every other domain type to the phone-number server
                    default -> Jid.USER_SERVER;
                };
                return device == 0 ? user + "@" + server : user + ":" + device + "@" + server;
            }
            case WireTags.FB_JID -> {
                String user = readString(readByte());
                int device = readUint(2);
                String server = readString(readByte());
                return user + ":" + device + "@" + server;
            }
            default -> {
                String user = readString(readByte());
                int device = readUint(2);
                int integrator = readUint(2);
                return integrator + "-" + user + ":" + device + "@" + readInteropServer();
            }
        }
    }

    /** Baileys reads the interop server optionally: if no valid string follows, it is "interop". */
    private String readInteropServer() {
        int mark = position;
        int nestingMark = jidNesting;
        try {
            return readString(readByte());
        } catch (MalformedNodeException e) {
            position = mark;
            jidNesting = nestingMark;
            return Jid.INTEROP_SERVER;
        }
    }

    private String readPacked(int tag) throws MalformedNodeException {
        int header = readByte();
        int packedBytes = header & 0x7F;
        requireRemaining(packedBytes);
        char[] chars = new char[packedBytes * 2];
        for (int i = 0; i < packedBytes; i++) {
            int value = data[position++] & 0xFF;
            chars[2 * i] = unpack(tag, value >>> 4);
            chars[2 * i + 1] = unpack(tag, value & 0x0F);
        }
        // odd length: the last character is padding and dropped, whatever it is (as Baileys does)
        int length = (header & 0x80) != 0 && chars.length > 0 ? chars.length - 1 : chars.length;
        return new String(chars, 0, length);
    }

    private char unpack(int tag, int nibble) throws MalformedNodeException {
        int c = PackedString.unpack(tag, nibble);
        if (c < 0) {
            throw malformed("invalid nibble " + nibble);
        }
        return (char) c;
    }

    private int readLength(int binaryTag) throws MalformedNodeException {
        return switch (binaryTag) {
            case WireTags.BINARY_8 -> readByte();
            case WireTags.BINARY_20 -> readUint(3) & 0x0F_FFFF;
            default -> {
                long length = readUintLong(4);
                if (length > data.length - position) {
                    throw malformed("length " + length + " exceeds the " + (data.length - position) + " bytes left");
                }
                yield (int) length;
            }
        };
    }

    private byte[] readBytes(int length) throws MalformedNodeException {
        requireRemaining(length);
        byte[] bytes = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return bytes;
    }

    private int readByte() throws MalformedNodeException {
        requireRemaining(1);
        return data[position++] & 0xFF;
    }

    private int readUint(int byteCount) throws MalformedNodeException {
        return (int) readUintLong(byteCount);
    }

    private long readUintLong(int byteCount) throws MalformedNodeException {
        requireRemaining(byteCount);
        long value = 0;
        for (int i = 0; i < byteCount; i++) {
            value = value << 8 | (data[position++] & 0xFF);
        }
        return value;
    }

    private void requireRemaining(long count) throws MalformedNodeException {
        if (count > data.length - position) {
            throw malformed("needs " + count + " more bytes, " + (data.length - position) + " left");
        }
    }

    private void countElements(int count) throws NodeLimitExceededException {
        elements += count;
        if (elements > limits.maxElements()) {
            throw new NodeLimitExceededException("more than " + limits.maxElements() + " nodes and attributes");
        }
    }

    private MalformedNodeException malformed(String problem) {
        return new MalformedNodeException(problem + " (at byte " + position + ")");
    }
}
