package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;

/**
 * A sender-key message or distribution message we cannot accept: malformed, wrong version, bad signature,
 * too far ahead, or a ciphertext that does not decrypt (docs/protocol.md, Signal). Subclasses name the two cases a
 * caller treats differently: {@link SenderKeyNotFoundException} (ask the sender to retry) and
 * {@link SenderKeyDuplicateMessageException} (drop silently).
 */
public class SenderKeyException extends ProtocolException {
    public SenderKeyException(String message) {
        super(message);
    }

    public SenderKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
