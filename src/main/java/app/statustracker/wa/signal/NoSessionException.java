package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;

/** There is no (open) session with the device: encrypting needs a bundle first, a {@code msg} a pkmsg first. */
public class NoSessionException extends ProtocolException {
    public NoSessionException(String message) {
        super(message);
    }
}
