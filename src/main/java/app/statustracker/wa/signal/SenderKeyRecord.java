package app.statustracker.wa.signal;

import app.statustracker.wa.proto.SenderKeyRecordProtos.StoredSenderKeyRecord;
import app.statustracker.wa.proto.SenderKeyRecordProtos.StoredSenderKeyState;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * All sender-key chains we hold for one {@link SenderKeyName}, newest first (docs/protocol.md, Signal). A receiver
 * keeps up to {@value #MAX_STATES} (libsignal's and Baileys' cap), so that messages under a key the sender has
 * since rotated away from still decrypt; our own record holds just the chain we currently send with.
 *
 * <p>Mutable and not thread-safe: load, change and store it for one name at a time.
 */
public final class SenderKeyRecord {
    public static final int MAX_STATES = 5;

    private final List<SenderKeyState> states = new ArrayList<>();

    public SenderKeyRecord() {
    }

    /** Reads bytes written by {@link #serialize()}; anything else is a storage bug, reported unchecked. */
    public static SenderKeyRecord deserialize(byte[] serialized) {
        StoredSenderKeyRecord stored;
        try {
            stored = StoredSenderKeyRecord.parseFrom(serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("stored bytes are not a sender key record", e);
        }
        SenderKeyRecord record = new SenderKeyRecord();
        for (StoredSenderKeyState state : stored.getStatesList()) {
            record.states.add(SenderKeyState.fromProto(state));
        }
        return record;
    }

    public byte[] serialize() {
        StoredSenderKeyRecord.Builder builder = StoredSenderKeyRecord.newBuilder();
        states.forEach(state -> builder.addStates(state.toProto()));
        return builder.build().toByteArray();
    }

    public boolean isEmpty() {
        return states.isEmpty();
    }

    /** The newest chain: the one we encrypt with (own record), or the sender's latest SKDM (received). */
    public Optional<SenderKeyState> currentState() {
        return states.isEmpty() ? Optional.empty() : Optional.of(states.get(0));
    }

    /**
     * The key id of the newest chain. The sender compares it with the key id each device last got an SKDM for,
     * to tell which devices still need one after a rotation.
     */
    public OptionalInt currentKeyId() {
        return states.isEmpty() ? OptionalInt.empty() : OptionalInt.of(states.get(0).keyId());
    }

    public Optional<SenderKeyState> state(int keyId) {
        return states.stream().filter(state -> state.keyId() == keyId).findFirst();
    }

    /** Newest first; the states themselves stay live (see class comment). */
    public List<SenderKeyState> states() {
        return Collections.unmodifiableList(states);
    }

    /** Our own fresh chain replaces whatever was here (Baileys setSenderKeyState does the same). */
    void replaceWithOwnState(SenderKeyState own) {
        if (!own.isOwn()) {
            throw new IllegalArgumentException("not an own sender key state");
        }
        states.clear();
        states.add(own);
    }

    /**
     * Takes a received SKDM in as the newest chain. Senders repeat the SKDM of an unchanged chain (Baileys with
     * every status), so an SKDM for a key id and signing key we already hold keeps that state — its position and
     * skipped keys — instead of resetting it, as libsignal-client does; only if the SKDM is further ahead than a
     * message may jump do we take its chain key (keeping the skipped keys). The same key id with another signing
     * key is a different chain and replaces the old one.
     */
    void addReceivedState(SenderKeyDistributionMessage skdm) {
        SenderKeyState existing = state(skdm.keyId()).orElse(null);
        states.removeIf(state -> state.keyId() == skdm.keyId());
        SenderChainKey offered = new SenderChainKey(skdm.iteration(), skdm.chainKey());
        SenderKeyState kept;
        if (existing != null && Arrays.equals(existing.signingPublicKey(), skdm.signingPublicKey())) {
            kept = existing;
            if (offered.iteration() - existing.iteration() > GroupCipher.MAX_FORWARD_JUMP) {
                kept.setChainKey(offered);
            }
        } else {
            kept = new SenderKeyState(skdm.keyId(), offered, skdm.signingPublicKey(), null);
        }
        states.add(0, kept);
        while (states.size() > MAX_STATES) {
            states.remove(states.size() - 1);
        }
    }

    @Override
    public String toString() {
        return "SenderKeyRecord" + states;
    }
}
