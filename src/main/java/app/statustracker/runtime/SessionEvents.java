package app.statustracker.runtime;

import app.statustracker.domain.LinkState;
import app.statustracker.wa.status.StatusReceipt;
import java.util.List;

/**
 * Where a {@link SessionConnection} records what happened: the database first, then CDI events. Public so that
 * the runtime can wrap it in a contextual proxy (which can only call public interfaces).
 */
public interface SessionEvents {
    void state(SessionConnection c, LinkState state, String reason);

    void linked(SessionConnection c, String ownNumber, String ownLid, LinkState state);

    void qrCode(SessionConnection c, String qr);

    void pairingCode(SessionConnection c, String code, String phoneNumber);

    /** Receipts for our statuses; {@code ackAfterCommit} tells WhatsApp once they are stored. */
    void statusReceipts(SessionConnection c, List<StatusReceipt> receipts, Runnable ackAfterCommit);

    /** The phone unlinked us: state logged_out, key material forgotten. */
    void loggedOut(SessionConnection c);
}
