package app.statustracker.wa.binary;

/**
 * Bounds for decoding untrusted frames. Decoding allocates at most a small constant per element plus the
 * bytes it reads, so these bounds cap both memory and time per frame.
 *
 * @param maxInputBytes    largest frame plaintext accepted (a frame is at most 2^24-1 bytes,
 * docs/protocol.md, Connection)
 * @param maxInflatedBytes largest size a zlib-compressed frame may inflate to (zlib bombs)
 * @param maxDepth         deepest node nesting; real stanzas stay below ten levels
 * @param maxElements      most nodes plus attributes in one frame; bounds the object count of a decoded tree
 */
public record DecodeLimits(int maxInputBytes, int maxInflatedBytes, int maxDepth, int maxElements) {

    /** Generous for real traffic (large usync answers stay far below), small enough per connection. */
    public static final DecodeLimits DEFAULT = new DecodeLimits((1 << 24) - 1, 1 << 24, 64, 250_000);

    public DecodeLimits {
        if (maxInputBytes < 1 || maxInflatedBytes < 1 || maxDepth < 1 || maxElements < 1) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }
}
