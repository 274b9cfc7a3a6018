package app.statustracker.api;

import java.io.IOException;

/** Thrown by the request stream once a body passes its limit; mapped to 413 wherever it surfaces. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
