package app.statustracker.persistence;

import app.statustracker.domain.ViewerTimes;
import java.util.Objects;

/**
 * What the receipts of one batch say about one viewer of one status, already merged.
 *
 * @param statusId    the WhatsApp message id of the status
 * @param viewerJid   the viewer's user JID as the server named it (LID or PN, without device)
 * @param phoneNumber the viewer's phone number when the receipt said it (a PN JID or {@code participant_pn}), else null
 * @param lidUser     the LID user part when the viewer was named by LID, else null
 */
public record ViewerReceipt(String statusId, String viewerJid, String phoneNumber, String lidUser, ViewerTimes times) {
    public static final int MAX_JID = 100;

    public ViewerReceipt {
        Objects.requireNonNull(statusId, "statusId");
        Objects.requireNonNull(viewerJid, "viewerJid");
        Objects.requireNonNull(times, "times");
    }
}
