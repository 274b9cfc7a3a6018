package app.statustracker.persistence;

import app.statustracker.wa.signal.SenderKeyName;
import app.statustracker.wa.signal.SenderKeyRecord;
import app.statustracker.wa.signal.SenderKeyStore;

/** Sender keys of one linked device (ours for status@broadcast and those contacts sent us), sealed in {@code sender_keys}. */
public final class DbSenderKeyStore implements SenderKeyStore {
    private final SealedRecordRepository repository;
    private final long sessionPk;

    public DbSenderKeyStore(SealedRecordRepository repository, long sessionPk) {
        this.repository = repository;
        this.sessionPk = sessionPk;
    }

    @Override
    public SenderKeyRecord load(SenderKeyName name) {
        return repository.load(SealedTable.SENDER_KEYS, sessionPk, name.toString())
                .map(SenderKeyRecord::deserialize)
                .orElseGet(SenderKeyRecord::new);
    }

    @Override
    public void store(SenderKeyName name, SenderKeyRecord record) {
        repository.store(SealedTable.SENDER_KEYS, sessionPk, name.toString(), record.serialize());
    }
}
