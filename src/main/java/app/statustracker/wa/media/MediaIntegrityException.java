package app.statustracker.wa.media;

/** A downloaded media file does not match its MAC or the hashes its message announced. */
public class MediaIntegrityException extends Exception {
    public MediaIntegrityException(String message) {
        super(message);
    }
}
