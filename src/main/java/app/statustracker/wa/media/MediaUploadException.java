package app.statustracker.wa.media;

/** An upload to WhatsApp's media hosts failed: no media_conn, every host refused, or an unreadable answer. */
public class MediaUploadException extends Exception {
    public MediaUploadException(String message) {
        super(message);
    }

    public MediaUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
