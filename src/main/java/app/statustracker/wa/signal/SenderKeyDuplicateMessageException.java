package app.statustracker.wa.signal;

/**
 * An skmsg for an iteration whose message key is gone: it was already decrypted (a redelivery) or is older than
 * the skipped keys we keep. Like libsignal's DuplicateMessageException, the caller drops it without a retry.
 */
public class SenderKeyDuplicateMessageException extends SenderKeyException {
    public SenderKeyDuplicateMessageException(String message) {
        super(message);
    }
}
