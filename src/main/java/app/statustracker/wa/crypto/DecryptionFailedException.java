package app.statustracker.wa.crypto;

import app.statustracker.wa.ProtocolException;

/** An AEAD ciphertext did not authenticate: wrong key, wrong nonce, wrong associated data or tampering. */
public class DecryptionFailedException extends ProtocolException {
    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
