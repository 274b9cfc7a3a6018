package app.statustracker.persistence;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one committed batch of receipts did.
 *
 * @param unknownSessions  session ids that no longer exist (their receipts were dropped)
 * @param unknownStatusIds per session, the status ids no stored status has (receipts dropped)
 * @param viewers          per touched status (session id → status id → list), its full viewer list after the batch
 */
public record ReceiptBatchResult(Set<String> unknownSessions, Map<String, Set<String>> unknownStatusIds,
                                 Map<String, Map<String, List<ViewerRow>>> viewers) {
}
