package app.statustracker.wa.pairing;

/** The primary's account signature over our device identity is missing, malformed or invalid. */
public final class SignatureMismatchException extends PairingRejectedException {
    public SignatureMismatchException(String message) {
        super(message);
    }

    @Override
    public String errorText() {
        return "signature-mismatch";
    }
}
