package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.Map;

/**
 * The result of encrypting one plaintext for many devices: a ciphertext per device that worked, and the reason
 * for each that did not (no session, an identity that changed, a corrupt record). Those devices are left out of
 * the stanza; a viewer that misses the sender key asks again with a retry receipt (docs/protocol.md, Retries).
 */
public record PairwiseBatch(Map<Jid, PairwiseCiphertext> encrypted, Map<Jid, String> failed) {
    public PairwiseBatch {
        encrypted = Map.copyOf(encrypted);
        failed = Map.copyOf(failed);
    }
}
