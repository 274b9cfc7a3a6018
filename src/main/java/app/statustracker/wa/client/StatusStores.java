package app.statustracker.wa.client;

import app.statustracker.wa.signal.IdentityKeyStore;
import app.statustracker.wa.signal.InMemoryIdentityKeyStore;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.InMemorySignalSessionStore;
import app.statustracker.wa.signal.SenderKeyStore;
import app.statustracker.wa.signal.SignalSessionStore;
import app.statustracker.wa.status.InMemoryLidMappingStore;
import app.statustracker.wa.status.InMemoryRecentStatuses;
import app.statustracker.wa.status.InMemorySenderKeyHolders;
import app.statustracker.wa.status.LidMappingStore;
import app.statustracker.wa.status.RecentStatuses;
import app.statustracker.wa.status.SenderKeyHolders;
import java.util.Objects;

/**
 * What one linked device keeps beside its credentials and one-time pre-keys to post statuses and to decrypt what
 * it receives: its pairwise Signal sessions and the identities of its peers, the sender keys (its own status key
 * and those received), PN↔LID mappings, who holds its current status sender key, and the statuses it sent
 * recently (to answer retry receipts). Per device, so they go to the {@link WaClient} constructor, not into the
 * shared {@link ClientConfig}. The client builds the Signal machinery over them itself, from the credentials'
 * identity and our LID once the server named it.
 *
 * @param recentStatuses in memory by default ({@link InMemoryRecentStatuses}: 32 statuses, 24 h); after a restart
 *                       retries for statuses sent before it are not answered unless the application persists this
 */
public record StatusStores(SignalSessionStore sessions, IdentityKeyStore identities, SenderKeyStore senderKeys,
                           LidMappingStore lidMappings, SenderKeyHolders senderKeyHolders,
                           RecentStatuses recentStatuses) {
    public StatusStores {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(senderKeys, "senderKeys");
        Objects.requireNonNull(lidMappings, "lidMappings");
        Objects.requireNonNull(senderKeyHolders, "senderKeyHolders");
        Objects.requireNonNull(recentStatuses, "recentStatuses");
    }

    /** The stores an application persists, with recently sent statuses kept in memory only. */
    public StatusStores(SignalSessionStore sessions, IdentityKeyStore identities, SenderKeyStore senderKeys,
                        LidMappingStore lidMappings, SenderKeyHolders senderKeyHolders) {
        this(sessions, identities, senderKeys, lidMappings, senderKeyHolders, new InMemoryRecentStatuses());
    }

    /** Everything in memory: tests, benchmarks. */
    public static StatusStores inMemory() {
        return new StatusStores(new InMemorySignalSessionStore(), new InMemoryIdentityKeyStore(),
                new InMemorySenderKeyStore(), new InMemoryLidMappingStore(), new InMemorySenderKeyHolders());
    }
}
