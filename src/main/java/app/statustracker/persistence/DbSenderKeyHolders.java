package app.statustracker.persistence;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.status.SenderKeyHolders;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Devices holding our status sender key, in {@code sender_key_holders}. The rows are grouped per key id
 * ({@code status@broadcast#<keyId>}), so forgetting a rotated key is one delete and a fresh key starts empty.
 */
public final class DbSenderKeyHolders implements SenderKeyHolders {
    private static final String GROUP = "status@broadcast#";

    private final SenderKeyHolderRepository repository;
    private final long sessionPk;

    public DbSenderKeyHolders(SenderKeyHolderRepository repository, long sessionPk) {
        this.repository = repository;
        this.sessionPk = sessionPk;
    }

    @Override
    public Set<Jid> holders(int keyId) {
        return repository.holders(sessionPk, GROUP + keyId).stream()
                .map(Jid::tryParse).flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
    }

    @Override
    public void add(int keyId, Collection<Jid> devices) {
        repository.add(sessionPk, GROUP + keyId, devices.stream().map(Jid::toString).toList());
    }

    @Override
    public void forget(int keyId) {
        repository.clear(sessionPk, GROUP + keyId);
    }
}
