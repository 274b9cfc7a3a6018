package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A status the server acked without error: its message id (what the phones see), the server's time, and the
 * audience as it was addressed (one entry per user, LID-first, with the phone number it was asked for).
 */
public record PostedStatus(String messageId, Instant serverTime, List<Recipient> recipients) {
    /** One audience member: the phone number the caller gave, and the user JID the stanza addressed. */
    public record Recipient(String phoneNumber, Jid jid) {
        public Recipient {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            Objects.requireNonNull(jid, "jid");
        }
    }

    public PostedStatus {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(serverTime, "serverTime");
        recipients = List.copyOf(recipients);
    }
}
