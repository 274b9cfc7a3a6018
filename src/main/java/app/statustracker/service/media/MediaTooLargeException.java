package app.statustracker.service.media;

import app.statustracker.service.ServiceException;

/**
 * The upload is over a limit (bytes on disk, or pixels once decoded); the message names the limit so the user
 * knows what to send instead. The REST layer answers 413.
 */
public class MediaTooLargeException extends ServiceException {
    public MediaTooLargeException(String message) {
        super(message);
    }
}
