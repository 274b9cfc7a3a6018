package app.statustracker.wa.signal;

import app.statustracker.wa.proto.SignalSessionRecordProtos.SessionRecordData;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * All pairwise sessions with one remote device: the open one (used to encrypt) and a few archived ones that still
 * decrypt late or retried messages (libsignal's closed sessions). Mutable and not thread-safe: load the records of
 * a batch, run {@link SessionCipher} over them, store them back (docs/protocol.md, Status stanza for a thousand
 * devices). An empty record is a valid starting point for {@link SessionCipher#initiate} and for an incoming pkmsg.
 */
public final class SessionRecord {
    /**
     * libsignal-node keeps 40 closed sessions; that is a lot of key material per device to load for every status.
     * Each new pkmsg or bundle archives one, so five covers a peer that re-initiated a few times in a row.
     */
    public static final int MAX_PREVIOUS_STATES = 5;

    private SessionState current;
    /** Most recently archived first. */
    private final List<SessionState> previous;

    public SessionRecord() {
        this(null, new ArrayList<>());
    }

    private SessionRecord(SessionState current, List<SessionState> previous) {
        this.current = current;
        this.previous = previous;
    }

    /** Parses {@link #serialize()} output; corrupt bytes are an IllegalArgumentException (storage, not peer, error). */
    public static SessionRecord deserialize(byte[] serialized) {
        SessionRecordData data;
        try {
            data = SessionRecordData.parseFrom(serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("corrupt session record", e);
        }
        List<SessionState> previous = new ArrayList<>();
        data.getPreviousList().forEach(state -> previous.add(SessionStateCodec.decode(state)));
        return new SessionRecord(data.hasCurrent() ? SessionStateCodec.decode(data.getCurrent()) : null, previous);
    }

    public byte[] serialize() {
        SessionRecordData.Builder data = SessionRecordData.newBuilder();
        if (current != null) {
            data.setCurrent(SessionStateCodec.encode(current));
        }
        previous.forEach(state -> data.addPrevious(SessionStateCodec.encode(state)));
        return data.build().toByteArray();
    }

    /** Whether {@link SessionCipher#encrypt} can encrypt to this device. */
    public boolean hasOpenSession() {
        return current != null && current.sendingChain != null;
    }

    /** No session at all, open or archived. */
    public boolean isEmpty() {
        return current == null && previous.isEmpty();
    }

    /** True while we initiated the open session and have not yet received on it: our messages are pkmsg. */
    public boolean hasUnacknowledgedPreKey() {
        return current != null && current.pendingPreKey != null;
    }

    /** The registration id of the device on the open session (Baileys getSessionInfo). */
    public OptionalInt remoteRegistrationId() {
        return current == null ? OptionalInt.empty() : OptionalInt.of(current.remoteRegistrationId);
    }

    /** The identity key (raw 32 bytes) the open session was made with. */
    public Optional<byte[]> remoteIdentityKey() {
        return current == null ? Optional.empty() : Optional.of(current.remoteIdentityKey.clone());
    }

    /** libsignal closeOpenSession: the open session only decrypts from now on; the next send needs a bundle. */
    public void archiveCurrentSession() {
        if (current != null) {
            previous.add(0, current);
            current = null;
            trim();
        }
    }

    /** Forgets every session, e.g. after the peer's identity changed. */
    public void clear() {
        current = null;
        previous.clear();
    }

    // ---- for SessionCipher ----

    SessionState current() {
        return current;
    }

    /** The open session first, then the archived ones from newest to oldest: the order decryption tries them. */
    List<SessionState> states() {
        List<SessionState> states = new ArrayList<>(previous.size() + 1);
        if (current != null) {
            states.add(current);
        }
        states.addAll(previous);
        return states;
    }

    /** Puts {@code replacement} where {@code original} (same object) was, after a successful decryption on a copy. */
    void replace(SessionState original, SessionState replacement) {
        if (current == original) {
            current = replacement;
            return;
        }
        int index = previous.indexOf(original);
        if (index < 0) {
            throw new IllegalStateException("session state not in this record");
        }
        previous.set(index, replacement);
    }

    /** A new session becomes the open one; the old open one is archived (libsignal initOutgoing/initIncoming). */
    void promote(SessionState state) {
        archiveCurrentSession();
        current = state;
    }

    boolean hasSessionWithIdentityOtherThan(byte[] identityKey) {
        return states().stream().anyMatch(state -> !state.hasRemoteIdentity(identityKey));
    }

    SessionRecord copy() {
        List<SessionState> copies = new ArrayList<>(previous.size());
        previous.forEach(state -> copies.add(state.copy()));
        return new SessionRecord(current == null ? null : current.copy(), copies);
    }

    /** Takes over the sessions of a working copy once an operation on it has succeeded. */
    void replaceWith(SessionRecord other) {
        current = other.current;
        previous.clear();
        previous.addAll(other.previous);
    }

    private void trim() {
        while (previous.size() > MAX_PREVIOUS_STATES) {
            previous.remove(previous.size() - 1);
        }
    }
}
