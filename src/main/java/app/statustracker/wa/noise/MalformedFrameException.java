package app.statustracker.wa.noise;

import app.statustracker.wa.ProtocolException;

/** The byte stream does not follow the frame layer: a frame longer than allowed, or a wrong intro header. */
public class MalformedFrameException extends ProtocolException {
    public MalformedFrameException(String message) {
        super(message);
    }
}
