package app.statustracker.wa.binary;

import java.util.Objects;

/**
 * Decodes binary nodes from untrusted peers. Output equals Baileys' decoder (JIDs rendered as text, AD_JID
 * device 0 omitted); unlike Baileys it refuses trailing bytes, and every failure, including any input that
 * exceeds the {@link DecodeLimits}, is a {@link MalformedNodeException}. Thread-safe.
 */
public final class NodeDecoder {

    private final DecodeLimits limits;
    private final TokenDictionary tokens;

    public NodeDecoder() {
        this(DecodeLimits.DEFAULT);
    }

    public NodeDecoder(DecodeLimits limits) {
        this(limits, TokenDictionary.v3());
    }

    public NodeDecoder(DecodeLimits limits, TokenDictionary tokens) {
        this.limits = Objects.requireNonNull(limits);
        this.tokens = Objects.requireNonNull(tokens);
    }

    /** Frame plaintext: the flag byte (0x02 = zlib follows) and then the node (docs/protocol.md, Binary nodes). */
    public Node decodeFrame(byte[] plaintext) throws MalformedNodeException {
        byte[] body = FrameUnpacker.unpack(plaintext, limits);
        int offset = body == plaintext ? 1 : 0;
        return new NodeReader(body, offset, tokens, limits).readRoot();
    }

    /** A node without the flag byte. */
    public Node decode(byte[] body) throws MalformedNodeException {
        if (body.length > limits.maxInputBytes()) {
            throw new NodeLimitExceededException("node of " + body.length + " bytes exceeds "
                    + limits.maxInputBytes());
        }
        return new NodeReader(body, 0, tokens, limits).readRoot();
    }
}
