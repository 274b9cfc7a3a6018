package app.statustracker.wa.status;

import java.util.Optional;

/**
 * The statuses we sent recently, so that a viewer device that could not decrypt one can be answered with it again
 * (retry receipt, docs/protocol.md, Retries). {@link InMemoryRecentStatuses} is the default: bounded, 24 hours, lost
 * on a restart — after a restart retries for older statuses go unanswered. An application that wants them answered
 * across restarts implements this on its database.
 */
public interface RecentStatuses {

    /** Remembers a status before its stanza goes out (a retry can race the server's ack). */
    void remember(SentStatus status);

    /** The status with this message id, if it is still remembered and young enough to be answered. */
    Optional<SentStatus> find(String messageId);
}
