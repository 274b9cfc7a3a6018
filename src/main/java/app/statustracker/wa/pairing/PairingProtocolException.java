package app.statustracker.wa.pairing;

import app.statustracker.wa.ProtocolException;

/** A pairing stanza from the server or primary was malformed (wrong lengths, missing parts). */
public class PairingProtocolException extends ProtocolException {
    public PairingProtocolException(String message) {
        super(message);
    }

    public PairingProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
