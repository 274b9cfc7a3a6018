package app.statustracker.wa.signal;

/**
 * Sender-key records by {@link SenderKeyName} for one linked device: our own status key and every sender key
 * received from others. The service layer implements it on the database (sealed, since our own record holds a
 * private key); {@link InMemorySenderKeyStore} serves tests. {@link GroupSessionBuilder} and {@link GroupCipher}
 * load, change and store a record within one call; calls for the same name must not run concurrently.
 */
public interface SenderKeyStore {

    /** The record stored under this name, or a new empty record when there is none. */
    SenderKeyRecord load(SenderKeyName name);

    /** Keeps the record (replacing any earlier one under this name). */
    void store(SenderKeyName name, SenderKeyRecord record);
}
