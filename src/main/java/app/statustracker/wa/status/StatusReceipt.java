package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One viewer's receipt for one of our statuses, whichever shape it arrived in (per-viewer or aggregated
 * {@code <participants>}, docs/protocol.md, Receipts). {@code viewer} is the user JID as the server named it (LID or
 * PN, without device); {@code phoneNumberJid} is the PN the server added alongside a LID, when it did.
 */
public record StatusReceipt(String statusId, Jid viewer, Optional<Jid> phoneNumberJid, Kind kind, Instant at) {
    /** What a receipt says: delivery (no type, {@code inactive}), a view ({@code read}) or a play ({@code played}). */
    public enum Kind { DELIVERY, READ, PLAYED }

    public StatusReceipt {
        Objects.requireNonNull(statusId, "statusId");
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(phoneNumberJid, "phoneNumberJid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
