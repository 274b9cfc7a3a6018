package app.statustracker.wa.noise;

import app.statustracker.wa.ProtocolException;

/** The Noise handshake cannot continue: a malformed or unauthenticated handshake message, or a bad key. */
public class HandshakeFailedException extends ProtocolException {
    public HandshakeFailedException(String message) {
        super(message);
    }

    public HandshakeFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
