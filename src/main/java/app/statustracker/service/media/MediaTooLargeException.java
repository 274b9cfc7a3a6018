package app.statustracker.service.media;

import app.statustracker.service.errors.ServiceException;

/**
 * The upload is over a limit (bytes on disk, or pixels once decoded); the message names the limit so the user
 * knows what to send instead. The REST layer answers 413.
 */
public class MediaTooLargeException extends ServiceException {
    public MediaTooLargeException(String message) {
        super(message);
    }

    /** Over the upload limit of {@code maxBytes}. */
    public MediaTooLargeException(long maxBytes) {
        this("the file is over the upload limit of " + describe(maxBytes));
    }

    private static String describe(long bytes) {
        long mib = 1024L * 1024L;
        return bytes % mib == 0 ? bytes / mib + " MB" : bytes + " bytes";
    }
}
