package app.statustracker.wa.client;

/**
 * The server answered a link-code step (companion_hello or companion_finish) with an error iq, e.g. 400 when it
 * does not accept the platform display, or the phone number has no account.
 */
public final class LinkCodeRejectedException extends RuntimeException {
    private final int code;

    public LinkCodeRejectedException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The error code the server sent, or -1. */
    public int code() {
        return code;
    }
}
