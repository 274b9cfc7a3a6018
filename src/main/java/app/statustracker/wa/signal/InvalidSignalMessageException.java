package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;

/**
 * A pairwise Signal message ({@code msg} or {@code pkmsg}) we cannot decrypt: malformed bytes, a MAC that matches
 * none of our sessions with the sender, a closed chain, or a counter too far ahead. The session record is left as
 * it was, so the caller may store it unchanged or not at all.
 */
public class InvalidSignalMessageException extends ProtocolException {
    public InvalidSignalMessageException(String message) {
        super(message);
    }

    public InvalidSignalMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
