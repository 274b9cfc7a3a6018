package app.statustracker.wa.pairing;

/** The HMAC over the signed device identity does not match our adv secret: not our link, or tampered. */
public final class HmacMismatchException extends PairingRejectedException {
    public HmacMismatchException(String message) {
        super(message);
    }

    @Override
    public String errorText() {
        return "hmac-mismatch";
    }
}
