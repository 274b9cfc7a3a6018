package app.statustracker.wa.pairing;

import app.statustracker.wa.ProtocolException;

/**
 * The device identity in pair-success did not verify: we refuse the link and answer the iq with the error
 * whatsmeow sends ({@code <error code="401" text="hmac-mismatch|signature-mismatch"/>}, pair.go sendPairError).
 */
public abstract class PairingRejectedException extends ProtocolException {
    protected PairingRejectedException(String message) {
        super(message);
    }

    /** The {@code code} attribute of the error iq we answer with. */
    public int errorCode() {
        return 401;
    }

    /** The {@code text} attribute of the error iq we answer with. */
    public abstract String errorText();
}
