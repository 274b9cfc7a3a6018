package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.signal.PreKeyBundle;
import java.util.Map;

/**
 * The answer to a pre-key query (docs/protocol.md, Pre-keys): a bundle per device the server had keys for, and the
 * reason for every device it answered with an {@code <error>} or with key material we cannot use.
 */
public record FetchedBundles(Map<Jid, PreKeyBundle> bundles, Map<Jid, String> errors) {
    public FetchedBundles {
        bundles = Map.copyOf(bundles);
        errors = Map.copyOf(errors);
    }
}
