package app.statustracker.service.media;

import app.statustracker.service.errors.ServiceException;

/**
 * The bytes start like a type we accept but cannot be read as one (truncated, corrupt, empty, no movie header).
 * Different from {@link UnsupportedMediaException}: resending the same file in another type will not help, a
 * fixed file will. The REST layer answers 400.
 */
public class InvalidMediaException extends ServiceException {
    public InvalidMediaException(String message) {
        super(message);
    }

    public InvalidMediaException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
