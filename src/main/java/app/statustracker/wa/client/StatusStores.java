package app.statustracker.wa.client;

import app.statustracker.wa.status.LidMappingStore;
import app.statustracker.wa.status.SenderKeyHolders;
import app.statustracker.wa.status.StatusEncryption;
import java.util.Objects;

/**
 * What one linked device needs to post statuses, beside its credentials: the Signal operations over its sessions
 * and sender key, its PN↔LID mappings, and who holds its current status sender key. Per device (they hold that
 * device's key material), so they are given to the {@link WaClient} constructor, not kept in the shared
 * {@link ClientConfig}.
 */
public record StatusStores(StatusEncryption encryption, LidMappingStore lidMappings, SenderKeyHolders senderKeyHolders) {
    public StatusStores {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(lidMappings, "lidMappings");
        Objects.requireNonNull(senderKeyHolders, "senderKeyHolders");
    }
}
