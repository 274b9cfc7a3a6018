package app.statustracker.wa.signal;

/**
 * The message key for this counter was used already: the same message arrived twice (typically a redelivery after
 * a restart before the ack). libsignal-node calls it MessageCounterError; callers usually just drop the message.
 */
public class DuplicateSignalMessageException extends InvalidSignalMessageException {
    public DuplicateSignalMessageException(String message) {
        super(message);
    }
}
