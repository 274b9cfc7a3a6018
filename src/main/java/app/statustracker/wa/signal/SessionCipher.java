package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import app.statustracker.wa.crypto.XEdDsa;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pairwise Signal sessions on in-memory {@link SessionRecord}s, wire-compatible with libsignal-node as Baileys runs
 * it (docs/protocol.md, Signal). It touches no store except to read one-time pre-keys, so a caller can load the
 * records of many devices at once, run this over them, and write them back in one batch ({@link SignalSessions}
 * does exactly that). A failed decryption leaves the record unchanged. Stateless apart from our keys: one instance
 * serves every thread, but a record must not be used by two threads at once.
 */
public final class SessionCipher {
    private final LocalSignalIdentity ours;
    private final SecureRandom random;

    public SessionCipher(LocalSignalIdentity ours) {
        this(ours, new SecureRandom());
    }

    public SessionCipher(LocalSignalIdentity ours, SecureRandom random) {
        this.ours = Objects.requireNonNull(ours, "ours");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * X3DH as initiator with a device's bundle: a new open session (the old one is archived), whose messages are
     * pkmsg until the device answers. If the record held sessions with another identity key, they are dropped
     * first and the result is true (trust on change, like Baileys' saveIdentity; docs/protocol.md, Signal).
     */
    public boolean initiate(SessionRecord record, PreKeyBundle bundle)
            throws InvalidSignedPreKeyException, InvalidPublicKeyException {
        if (!XEdDsa.verify(bundle.identityKey(), Curve25519.withTypePrefix(bundle.signedPreKey()),
                bundle.signedPreKeySignature())) {
            throw new InvalidSignedPreKeyException("signed pre-key " + bundle.signedPreKeyId()
                    + " is not signed by the bundle's identity key");
        }
        SessionState state = SessionInitializer.initiator(ours, bundle, random);
        boolean identityChanged = record.hasSessionWithIdentityOtherThan(bundle.identityKey());
        if (identityChanged) {
            record.clear();
        }
        record.promote(state);
        return identityChanged;
    }

    /** Encrypts on the open session: a pkmsg while the session awaits its first reply, else a msg. */
    public EncryptedSignalMessage encrypt(SessionRecord record, byte[] plaintext) throws NoSessionException {
        SessionState state = record.current();
        if (state == null || state.sendingChain == null) {
            throw new NoSessionException("no open session to encrypt with");
        }
        ChainKey chain = state.sendingChain;
        MessageKeys keys = MessageKeys.derive(chain.messageKeySeed());
        state.sendingChain = chain.next();
        SignalMessage message = SignalMessage.create(state.ourRatchetKey.publicKey(), chain.index(),
                state.previousCounter, keys.encrypt(plaintext), keys.macKey(), ours.identityKey(),
                state.remoteIdentityKey);
        PendingPreKey pending = state.pendingPreKey;
        if (pending == null) {
            return new EncryptedSignalMessage(SignalMessageType.MSG, message.serialize());
        }
        PreKeySignalMessage preKeyMessage = PreKeySignalMessage.create(ours.registrationId(), pending.preKeyId(),
                pending.signedPreKeyId(), pending.baseKey(), ours.identityKey(), message);
        return new EncryptedSignalMessage(SignalMessageType.PKMSG, preKeyMessage.serialize());
    }

    /** Either kind, by its {@code <enc type>}. */
    public DecryptedSignalMessage decrypt(SessionRecord record, EncryptedSignalMessage message, PreKeyStore preKeys)
            throws InvalidSignalMessageException, NoSessionException, UnknownPreKeyException {
        return message.type() == SignalMessageType.PKMSG
                ? decryptPreKeyMessage(record, PreKeySignalMessage.parse(message.serialized()), preKeys)
                : decryptMessage(record, message.serialized());
    }

    /**
     * A pkmsg: X3DH as responder unless a session with its base key exists (the peer keeps sending pkmsg until we
     * reply), then the message. The one-time pre-key is only read here; remove {@code consumedPreKeyId} from the
     * store once the record is stored. A different identity key than the record's drops the old sessions.
     */
    public DecryptedSignalMessage decryptPreKeyMessage(SessionRecord record, PreKeySignalMessage message,
                                                       PreKeyStore preKeys)
            throws InvalidSignalMessageException, UnknownPreKeyException {
        SessionRecord work = record.copy();
        boolean identityChanged = work.hasSessionWithIdentityOtherThan(message.identityKey());
        if (identityChanged) {
            work.clear();
        }
        Optional<SessionState> existing = work.states().stream()
                .filter(state -> state.isTheirSessionWithBaseKey(message.baseKey())).findFirst();
        SessionState state;
        OptionalInt consumed = OptionalInt.empty();
        if (existing.isPresent()) {
            state = existing.get();
        } else {
            if (message.signedPreKeyId() != ours.signedPreKey().id()) {
                throw new UnknownPreKeyException("pkmsg uses signed pre-key " + message.signedPreKeyId()
                        + ", ours is " + ours.signedPreKey().id());
            }
            PreKey oneTime = null;
            if (message.preKeyId().isPresent()) {
                int id = message.preKeyId().getAsInt();
                oneTime = preKeys.load(id).orElseThrow(() -> new UnknownPreKeyException("no one-time pre-key " + id));
                consumed = OptionalInt.of(id);
            }
            try {
                state = SessionInitializer.responder(ours, oneTime, message);
            } catch (InvalidPublicKeyException e) {
                throw new InvalidSignalMessageException("pkmsg carries an unusable key: " + e.getMessage(), e);
            }
            work.promote(state);
        }
        byte[] plaintext = decryptWithState(state, message.message());
        record.replaceWith(work);
        return new DecryptedSignalMessage(plaintext, identityChanged, consumed);
    }

    /** Convenience for the wire bytes of a pkmsg. */
    public DecryptedSignalMessage decryptPreKeyMessage(SessionRecord record, byte[] serialized, PreKeyStore preKeys)
            throws InvalidSignalMessageException, UnknownPreKeyException {
        return decryptPreKeyMessage(record, PreKeySignalMessage.parse(serialized), preKeys);
    }

    /**
     * A msg: tried on the open session, then on the archived ones (a late message from before the peer
     * re-initiated), like libsignal-node's decryptWithSessions. Each attempt runs on a copy; the matching
     * session's copy replaces it. A reused counter is reported as {@link DuplicateSignalMessageException}.
     */
    public DecryptedSignalMessage decryptMessage(SessionRecord record, byte[] serialized)
            throws InvalidSignalMessageException, NoSessionException {
        SignalMessage message = SignalMessage.parse(serialized);
        List<SessionState> states = record.states();
        if (states.isEmpty()) {
            throw new NoSessionException("no session to decrypt a msg with");
        }
        DuplicateSignalMessageException duplicate = null;
        List<String> failures = new ArrayList<>();
        for (SessionState state : states) {
            SessionState attempt = state.copy();
            try {
                byte[] plaintext = decryptWithState(attempt, message);
                record.replace(state, attempt);
                return new DecryptedSignalMessage(plaintext, false, OptionalInt.empty());
            } catch (DuplicateSignalMessageException e) {
                duplicate = duplicate == null ? e : duplicate;
            } catch (InvalidSignalMessageException e) {
                failures.add(e.getMessage());
            }
        }
        if (duplicate != null) {
            throw duplicate;
        }
        throw new InvalidSignalMessageException("no session matches the message: " + String.join("; ", failures));
    }

    /** libsignal-node doDecryptWhisperMessage on one session state (mutates it; callers pass a copy). */
    private byte[] decryptWithState(SessionState state, SignalMessage message) throws InvalidSignalMessageException {
        byte[] ratchetKey = message.ratchetKey();
        if (Arrays.equals(ratchetKey, state.ourRatchetKey.publicKey())) {
            throw new InvalidSignalMessageException("message names our own ratchet key");
        }
        ReceivingChain chain = state.receivingChain(ratchetKey);
        if (chain == null) {
            chain = stepRatchet(state, ratchetKey, message.previousCounter());
        }
        MessageKeys keys = MessageKeys.derive(chain.takeMessageKeySeed(message.counter()));
        if (!message.hasValidMac(keys.macKey(), state.remoteIdentityKey, ours.identityKey())) {
            throw new InvalidSignalMessageException("bad MAC");
        }
        byte[] plaintext = keys.decrypt(message.ciphertext());
        state.pendingPreKey = null;
        return plaintext;
    }

    /**
     * libsignal-node maybeStepRatchet: close the previous receiving chain after keeping its keys up to the peer's
     * previousCounter, derive the receiving chain of the new remote key, then a fresh ratchet key of ours and
     * its sending chain. previousCounter is the last index we sent on the old chain (0 if none, as libsignal-java).
     */
    private ReceivingChain stepRatchet(SessionState state, byte[] theirRatchetKey, int theirPreviousCounter)
            throws InvalidSignalMessageException {
        ReceivingChain previous = state.receivingChain(state.remoteRatchetKey);
        if (previous != null) {
            previous.fillTo(theirPreviousCounter);
            previous.close();
        }
        try {
            RootKey.Step receiving = state.rootKey.step(theirRatchetKey, state.ourRatchetKey);
            ReceivingChain chain = new ReceivingChain(theirRatchetKey, receiving.chainKey());
            state.addReceivingChain(chain);
            if (state.sendingChain != null) {
                state.previousCounter = Math.max(state.sendingChain.index() - 1, 0);
            }
            state.ourRatchetKey = Curve25519.generateKeyPair(random);
            RootKey.Step sending = receiving.rootKey().step(theirRatchetKey, state.ourRatchetKey);
            state.rootKey = sending.rootKey();
            state.sendingChain = sending.chainKey();
            state.remoteRatchetKey = theirRatchetKey;
            return chain;
        } catch (InvalidPublicKeyException e) {
            throw new InvalidSignalMessageException("unusable ratchet key: " + e.getMessage(), e);
        }
    }
}
