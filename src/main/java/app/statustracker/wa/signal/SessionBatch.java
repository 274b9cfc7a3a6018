package app.statustracker.wa.signal;

import java.util.Map;

/**
 * What {@link SignalSessions#prepare} did for a batch of devices: the session starts, the messages for the devices
 * with an open session, and the records and identities still to be written by {@link SignalSessions#store}.
 */
public final class SessionBatch {
    private final SessionStartReport started;
    private final Map<SignalAddress, EncryptedSignalMessage> encrypted;
    private final Map<SignalAddress, SessionRecord> changedRecords;
    private final Map<SignalAddress, byte[]> seenIdentities;

    SessionBatch(SessionStartReport started, Map<SignalAddress, EncryptedSignalMessage> encrypted,
                 Map<SignalAddress, SessionRecord> changedRecords, Map<SignalAddress, byte[]> seenIdentities) {
        this.started = started;
        this.encrypted = Map.copyOf(encrypted);
        this.changedRecords = Map.copyOf(changedRecords);
        this.seenIdentities = Map.copyOf(seenIdentities);
    }

    public SessionStartReport started() {
        return started;
    }

    public Map<SignalAddress, EncryptedSignalMessage> encrypted() {
        return encrypted;
    }

    Map<SignalAddress, SessionRecord> changedRecords() {
        return changedRecords;
    }

    Map<SignalAddress, byte[]> seenIdentities() {
        return seenIdentities;
    }
}
