package app.statustracker.wa;

/**
 * The one checked failure type of the protocol library: anything a peer sends that we cannot accept
 * (malformed frame, bad node, failed handshake, wrong certificate) ends up as a subclass of this, never as
 * an IndexOutOfBounds or NullPointer, so callers can close the connection with a clear reason.
 */
public class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
