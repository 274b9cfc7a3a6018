package app.statustracker.service.media;

import app.statustracker.service.errors.ServiceException;

/**
 * The bytes are not a type we can post (not JPEG, PNG, WebP or H.264 MP4, or an image sent as a video). The
 * message is written for the API user; the REST layer answers 415.
 */
public class UnsupportedMediaException extends ServiceException {
    public UnsupportedMediaException(String message) {
        super(message);
    }
}
