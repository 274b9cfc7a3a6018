package app.statustracker.wa.status;

import app.statustracker.wa.media.MediaUploadException;
import app.statustracker.wa.transport.ConnectionClosedException;
import app.statustracker.wa.transport.IqTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever ended a post into what the API caller is shown: a {@link StatusRejectedException} with a reason
 * a person can act on. A caller's own mistake ({@link IllegalArgumentException}) and a media host's refusal
 * ({@link MediaUploadException}) pass through unchanged.
 */
final class StatusFailures {
    private StatusFailures() {
    }

    static Throwable explain(Throwable failure, Duration ackTimeout) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StatusRejectedException || cause instanceof IllegalArgumentException
                || cause instanceof MediaUploadException) {
            // a media host's refusal keeps its own type: the runtime reports it with the host's reason
            return cause;
        }
        if (cause instanceof IqTimeoutException) {
            return new StatusRejectedException("WhatsApp did not answer a query in time: " + cause.getMessage(), cause);
        }
        if (cause instanceof TimeoutException) {
            return new StatusRejectedException("WhatsApp did not acknowledge the status within "
                    + ackTimeout.toMillis() + " ms", cause);
        }
        if (cause instanceof ConnectionClosedException) {
            return new StatusRejectedException("the connection to WhatsApp closed while posting: "
                    + cause.getMessage(), cause);
        }
        if (cause instanceof IllegalStateException) {
            // the session was gone before a query or the stanza could go out (disconnect between queued posts)
            return new StatusRejectedException("not connected to WhatsApp: " + cause.getMessage(), cause);
        }
        return new StatusRejectedException("posting failed: " + cause, cause);
    }
}
