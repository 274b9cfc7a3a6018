package app.statustracker.wa.binary;

import app.statustracker.wa.ProtocolException;

/**
 * A binary node (or a JID inside one) that does not follow the WhatsApp wire grammar. Peers are untrusted,
 * so every decoding failure surfaces as this type and the connection can be closed with its message.
 */
public class MalformedNodeException extends ProtocolException {
    public MalformedNodeException(String message) {
        super(message);
    }

    public MalformedNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
