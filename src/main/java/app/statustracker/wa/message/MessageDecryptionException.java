package app.statustracker.wa.message;

import app.statustracker.wa.ProtocolException;

/**
 * An incoming message that could not be opened, and what to do about it (docs/protocol.md, Signal and Retries): most
 * failures ask the sender for a retry; a duplicate is dropped; a stanza we cannot even address is only acked.
 */
public class MessageDecryptionException extends ProtocolException {
    public enum Reason {
        /** No pairwise session for a msg: the sender must start over from our keys (retry receipt with keys). */
        NO_SESSION(true),
        /** An skmsg under a sender key we do not hold: the sender re-sends pairwise with its SKDM. */
        NO_SENDER_KEY(true),
        /** Anything else that failed to decrypt, unpad or parse: ask for a retry. */
        UNDECRYPTABLE(true),
        /** Already decrypted (a counter or iteration used before): drop it, no retry. */
        DUPLICATE(false),
        /** Not addressable (no sender, a JID without a Signal address): a retry could not help. */
        MALFORMED(false);

        private final boolean retry;

        Reason(boolean retry) {
            this.retry = retry;
        }

        public boolean asksForRetry() {
            return retry;
        }
    }

    private final Reason reason;
    private final boolean hadPairwise;

    public MessageDecryptionException(Reason reason, boolean hadPairwise, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.hadPairwise = hadPairwise;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Whether the retry receipt should carry our keys even on the first try (whatsmeow's forceIncludeIdentity):
     * when we hold no session, or when only an skmsg came and its key is missing — then the sender needs a session
     * to re-send pairwise and may not have one.
     */
    public boolean retryNeedsOurKeys() {
        return reason == Reason.NO_SESSION || (reason == Reason.NO_SENDER_KEY && !hadPairwise);
    }
}
