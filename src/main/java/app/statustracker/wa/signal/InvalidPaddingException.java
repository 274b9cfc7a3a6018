package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;

/** A decrypted plaintext does not end in N ≥ 1 bytes of value N, the padding of docs/protocol.md, Signal. */
public class InvalidPaddingException extends ProtocolException {
    public InvalidPaddingException(String message) {
        super(message);
    }
}
