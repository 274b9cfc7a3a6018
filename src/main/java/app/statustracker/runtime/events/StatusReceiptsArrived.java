package app.statustracker.runtime.events;

import app.statustracker.wa.status.StatusReceipt;
import java.util.List;
import java.util.Objects;

/**
 * Receipts for a session's statuses, as one stanza from WhatsApp carried them. {@code ackAfterCommit} must run
 * only once they are committed: an unacked receipt is redelivered after a crash, so none is lost
 * (docs/decisions.md, Statuses: REST, persistence, receipts, link previews).
 */
public record StatusReceiptsArrived(String sessionId, List<StatusReceipt> receipts, Runnable ackAfterCommit) {
    public StatusReceiptsArrived {
        Objects.requireNonNull(sessionId, "sessionId");
        receipts = List.copyOf(receipts);
        Objects.requireNonNull(ackAfterCommit, "ackAfterCommit");
    }
}
