package app.statustracker.wa.signal;

/**
 * We hold no sender-key state for the key id an skmsg names (never got its SKDM, or it was rotated out). The
 * message is not broken: the caller answers with a retry receipt so that the sender sends the SKDM again
 * (docs/protocol.md, Retries).
 */
public class SenderKeyNotFoundException extends SenderKeyException {
    private final SenderKeyName senderKeyName;
    private final int keyId;

    public SenderKeyNotFoundException(SenderKeyName senderKeyName, int keyId) {
        super("no sender key " + Integer.toUnsignedString(keyId) + " for " + senderKeyName);
        this.senderKeyName = senderKeyName;
        this.keyId = keyId;
    }

    public SenderKeyName senderKeyName() {
        return senderKeyName;
    }

    public int keyId() {
        return keyId;
    }
}
