package app.statustracker.wa.crypto;

import app.statustracker.wa.ProtocolException;

/** A peer handed us a public key we refuse to compute with: wrong length, or a point that yields no secret. */
public class InvalidPublicKeyException extends ProtocolException {
    public InvalidPublicKeyException(String message) {
        super(message);
    }
}
