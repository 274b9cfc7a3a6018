package app.statustracker.service.preview;

/** A link preview could not be made; the link is then posted without one. The message says why, for the log. */
public class PreviewFetchException extends Exception {
    public PreviewFetchException(String message) {
        super(message);
    }

    public PreviewFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
