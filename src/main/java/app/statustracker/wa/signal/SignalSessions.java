package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link SessionCipher} over the stores, with one load and one store per batch: what the status sender and the
 * message receiver call. Identity keys follow Baileys (docs/protocol.md, Signal): trusted on first use and on change;
 * a change drops the sessions built on the old key and is reported. Not synchronized: the caller serializes
 * operations per linked device (one session's events run one at a time).
 */
public final class SignalSessions {
    private final SessionCipher cipher;
    private final SignalSessionStore sessions;
    private final IdentityKeyStore identities;
    private final PreKeyStore preKeys;

    public SignalSessions(SessionCipher cipher, SignalSessionStore sessions, IdentityKeyStore identities,
                          PreKeyStore preKeys) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.preKeys = Objects.requireNonNull(preKeys, "preKeys");
    }

    /** Those of {@code devices} we cannot encrypt to yet (no open session): they need a bundle first. One load. */
    public Set<SignalAddress> withoutOpenSession(Collection<SignalAddress> devices) {
        Map<SignalAddress, SessionRecord> records = sessions.loadAll(devices);
        Set<SignalAddress> missing = new HashSet<>();
        for (SignalAddress device : devices) {
            SessionRecord record = records.get(device);
            if (record == null || !record.hasOpenSession()) {
                missing.add(device);
            }
        }
        return missing;
    }

    /** X3DH with each bundle (from an {@code encrypt}/{@code key} query, docs/protocol.md, Pre-keys); a bad bundle
     * spoils only itself. */
    public SessionStartReport startSessions(Map<SignalAddress, PreKeyBundle> bundles) {
        Map<SignalAddress, SessionRecord> records = sessions.loadAll(bundles.keySet());
        Map<SignalAddress, byte[]> known = identities.loadAll(bundles.keySet());
        Map<SignalAddress, SessionRecord> changedRecords = new HashMap<>();
        Map<SignalAddress, byte[]> seenIdentities = new HashMap<>();
        Set<SignalAddress> identityChanged = new HashSet<>();
        Map<SignalAddress, ProtocolException> rejected = new HashMap<>();
        bundles.forEach((address, bundle) -> {
            byte[] stored = known.get(address);
            boolean storedDiffers = stored != null && !Arrays.equals(stored, bundle.identityKey());
            SessionRecord record = storedDiffers ? new SessionRecord()
                    : records.getOrDefault(address, new SessionRecord());
            try {
                if (cipher.initiate(record, bundle) || storedDiffers) {
                    identityChanged.add(address);
                }
                changedRecords.put(address, record);
                seenIdentities.put(address, bundle.identityKey());
            } catch (ProtocolException e) {
                rejected.put(address, e);
            }
        });
        sessions.storeAll(changedRecords);
        identities.saveAll(seenIdentities);
        return new SessionStartReport(changedRecords.keySet(), identityChanged, rejected);
    }

    /**
     * Encrypts each plaintext for its device. Devices without an open session are absent from the result (fetch
     * their bundles and {@link #startSessions} first).
     */
    public Map<SignalAddress, EncryptedSignalMessage> encryptAll(Map<SignalAddress, byte[]> plaintexts) {
        Map<SignalAddress, SessionRecord> records = sessions.loadAll(plaintexts.keySet());
        Map<SignalAddress, EncryptedSignalMessage> encrypted = new HashMap<>();
        Map<SignalAddress, SessionRecord> changed = new HashMap<>();
        records.forEach((address, record) -> {
            if (record.hasOpenSession()) {
                try {
                    encrypted.put(address, cipher.encrypt(record, plaintexts.get(address)));
                    changed.put(address, record);
                } catch (NoSessionException e) {
                    throw new IllegalStateException("open session refused to encrypt", e);
                }
            }
        });
        sessions.storeAll(changed);
        return encrypted;
    }

    /** The same (padded) plaintext to every device, e.g. the SKDM-carrying message of a status. */
    public Map<SignalAddress, EncryptedSignalMessage> encryptAll(Collection<SignalAddress> devices, byte[] plaintext) {
        Map<SignalAddress, byte[]> plaintexts = new HashMap<>();
        devices.forEach(device -> plaintexts.put(device, plaintext));
        return encryptAll(plaintexts);
    }

    /**
     * One incoming {@code <enc type="pkmsg|msg">} from {@code sender} (docs/protocol.md, Signal). The record, the
     * sender's identity and the used one-time pre-key are updated only when decryption succeeded.
     */
    public DecryptedSignalMessage decrypt(SignalAddress sender, EncryptedSignalMessage message)
            throws InvalidSignalMessageException, NoSessionException, UnknownPreKeyException {
        if (message.type() == SignalMessageType.MSG) {
            SessionRecord record = sessions.load(sender)
                    .orElseThrow(() -> new NoSessionException("no session with " + sender));
            DecryptedSignalMessage result = cipher.decryptMessage(record, message.serialized());
            sessions.store(sender, record);
            return result;
        }
        PreKeySignalMessage preKeyMessage = PreKeySignalMessage.parse(message.serialized());
        byte[] stored = identities.load(sender).orElse(null);
        boolean storedDiffers = stored != null && !Arrays.equals(stored, preKeyMessage.identityKey());
        SessionRecord record = storedDiffers ? new SessionRecord() : sessions.load(sender).orElseGet(SessionRecord::new);
        DecryptedSignalMessage result = cipher.decryptPreKeyMessage(record, preKeyMessage, preKeys);
        sessions.store(sender, record);
        identities.save(sender, preKeyMessage.identityKey());
        result.consumedPreKeyId().ifPresent(preKeys::remove);
        return result.withIdentityChanged(storedDiffers);
    }
}
