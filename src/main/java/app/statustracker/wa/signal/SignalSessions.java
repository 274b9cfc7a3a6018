package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
    private final ParallelWork parallel;

    public SignalSessions(SessionCipher cipher, SignalSessionStore sessions, IdentityKeyStore identities,
                          PreKeyStore preKeys) {
        this(cipher, sessions, identities, preKeys, ParallelWork.SERIAL);
    }

    /** @param parallel where the key agreements of a batch of session starts may run side by side */
    public SignalSessions(SessionCipher cipher, SignalSessionStore sessions, IdentityKeyStore identities,
                          PreKeyStore preKeys, ParallelWork parallel) {
        this.parallel = Objects.requireNonNull(parallel, "parallel");
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
        return startAndEncrypt(bundles, Map.of()).started();
    }

    /**
     * Encrypts each plaintext for its device. Devices without an open session are absent from the result (fetch
     * their bundles and {@link #startSessions} first).
     */
    public Map<SignalAddress, EncryptedSignalMessage> encryptAll(Map<SignalAddress, byte[]> plaintexts) {
        return startAndEncrypt(Map.of(), plaintexts).encrypted();
    }

    /** The same (padded) plaintext to every device, e.g. the SKDM-carrying message of a status. */
    public Map<SignalAddress, EncryptedSignalMessage> encryptAll(Collection<SignalAddress> devices, byte[] plaintext) {
        return encryptAll(samePlaintext(devices, plaintext));
    }

    /**
     * {@link #startSessions} and then {@link #encryptAll} in one pass, as a status's first post to a thousand
     * devices needs: each record is loaded and stored once, and the work per device (a handful of curve
     * multiplications for a start, a few hashes for a message) runs side by side (see {@link ParallelWork}). The
     * stores are read and written on the calling thread only. A device whose bundle was refused is still
     * encrypted to if it has an older open session.
     */
    public SessionBatch startAndEncrypt(Map<SignalAddress, PreKeyBundle> bundles, Map<SignalAddress, byte[]> plaintexts) {
        SessionBatch batch = prepare(bundles, plaintexts);
        store(batch);
        return batch;
    }

    /**
     * {@link #startAndEncrypt} without its writes: the caller {@link #store}s the batch later, before any other
     * operation on these devices (on the same serial queue), e.g. while the messages are already on their way.
     */
    public SessionBatch prepare(Map<SignalAddress, PreKeyBundle> bundles, Map<SignalAddress, byte[]> plaintexts) {
        Set<SignalAddress> involved = new LinkedHashSet<>(bundles.keySet());
        involved.addAll(plaintexts.keySet());
        Map<SignalAddress, SessionRecord> records = sessions.loadAll(involved);
        Map<SignalAddress, byte[]> known = bundles.isEmpty() ? Map.of() : identities.loadAll(bundles.keySet());
        List<SignalAddress> addresses = new ArrayList<>(involved);
        DeviceOutcome[] outcomes = new DeviceOutcome[addresses.size()];
        parallel.forEach(addresses.size(), i -> {
            SignalAddress address = addresses.get(i);
            outcomes[i] = process(records.get(address), bundles.get(address), known.get(address),
                    plaintexts.get(address));
        });
        Map<SignalAddress, SessionRecord> changed = new HashMap<>();
        Map<SignalAddress, byte[]> seenIdentities = new HashMap<>();
        Set<SignalAddress> started = new HashSet<>();
        Set<SignalAddress> identityChanged = new HashSet<>();
        Map<SignalAddress, ProtocolException> rejected = new HashMap<>();
        Map<SignalAddress, EncryptedSignalMessage> encrypted = new HashMap<>();
        for (int i = 0; i < addresses.size(); i++) {
            SignalAddress address = addresses.get(i);
            DeviceOutcome outcome = outcomes[i];
            if (outcome.refused() != null) {
                rejected.put(address, outcome.refused());
            } else if (bundles.containsKey(address)) {
                started.add(address);
                seenIdentities.put(address, bundles.get(address).identityKey());
                if (outcome.identityChanged()) {
                    identityChanged.add(address);
                }
            }
            if (outcome.changed() != null) {
                changed.put(address, outcome.changed());
            }
            if (outcome.message() != null) {
                encrypted.put(address, outcome.message());
            }
        }
        return new SessionBatch(new SessionStartReport(started, identityChanged, rejected), encrypted, changed,
                seenIdentities);
    }

    /** Writes what a {@link #prepare}d batch changed: the session records and the identities it saw. */
    public void store(SessionBatch batch) {
        sessions.storeAll(batch.changedRecords());
        identities.saveAll(batch.seenIdentities());
    }

    /* one device's part of a batch; no stores, so it may run on any thread */
    private DeviceOutcome process(SessionRecord loaded, PreKeyBundle bundle, byte[] storedIdentity, byte[] plaintext) {
        SessionRecord record = loaded;
        boolean identityChanged = false;
        ProtocolException refused = null;
        boolean dirty = false;
        if (bundle != null) {
            boolean storedDiffers = storedIdentity != null && !Arrays.equals(storedIdentity, bundle.identityKey());
            SessionRecord fresh = storedDiffers || loaded == null ? new SessionRecord() : loaded;
            try {
                identityChanged = cipher.initiate(fresh, bundle) || storedDiffers;
                record = fresh;
                dirty = true;
            } catch (ProtocolException e) {
                refused = e; // a record initiate refused is unchanged: the signature is checked first
            }
        }
        EncryptedSignalMessage message = null;
        if (plaintext != null && record != null && record.hasOpenSession()) {
            try {
                message = cipher.encrypt(record, plaintext);
                dirty = true;
            } catch (NoSessionException e) {
                throw new IllegalStateException("open session refused to encrypt", e);
            }
        }
        return new DeviceOutcome(dirty ? record : null, identityChanged, refused, message);
    }

    private record DeviceOutcome(SessionRecord changed, boolean identityChanged, ProtocolException refused,
                                 EncryptedSignalMessage message) {
    }

    private static Map<SignalAddress, byte[]> samePlaintext(Collection<SignalAddress> devices, byte[] plaintext) {
        Map<SignalAddress, byte[]> plaintexts = new HashMap<>();
        devices.forEach(device -> plaintexts.put(device, plaintext));
        return plaintexts;
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
