package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;

/**
 * A pkmsg names a one-time pre-key we no longer hold (already used, or never ours) or a signed pre-key other than
 * our current one, so X3DH cannot be completed as responder.
 */
public class UnknownPreKeyException extends ProtocolException {
    public UnknownPreKeyException(String message) {
        super(message);
    }
}
