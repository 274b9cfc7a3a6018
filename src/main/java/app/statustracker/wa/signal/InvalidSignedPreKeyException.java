package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;

/** A pre-key bundle whose signed pre-key is not signed by its identity key (XEdDSA over {@code 0x05 ‖ spk}). */
public class InvalidSignedPreKeyException extends ProtocolException {
    public InvalidSignedPreKeyException(String message) {
        super(message);
    }
}
