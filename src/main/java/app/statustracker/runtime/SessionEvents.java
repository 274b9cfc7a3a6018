package app.statustracker.runtime;

import app.statustracker.wa.status.StatusReceipt;
import java.util.List;

import app.statustracker.domain.LinkState;

/** Where a {@link SessionConnection} records what happened: the database first, then CDI events. */
interface SessionEvents {
    void state(SessionConnection c, LinkState state, String reason);

    void linked(SessionConnection c, String ownNumber, String ownLid, LinkState state);

    void qrCode(SessionConnection c, String qr);

    void pairingCode(SessionConnection c, String code, String phoneNumber);

    /** Receipts for our statuses; {@code ackAfterCommit} tells WhatsApp once they are stored. */
    void statusReceipts(SessionConnection c, List<StatusReceipt> receipts, Runnable ackAfterCommit);

    /** The phone unlinked us: state logged_out, key material forgotten. */
    void loggedOut(SessionConnection c);
}
