package app.statustracker.wa.binary;

/**
 * Input that may be well-formed but is bigger or deeper than {@link DecodeLimits} allow: a zlib bomb, a
 * ten-thousand-level nesting, millions of attributes. Refused before the memory is spent.
 */
public class NodeLimitExceededException extends MalformedNodeException {
    public NodeLimitExceededException(String message) {
        super(message);
    }
}
