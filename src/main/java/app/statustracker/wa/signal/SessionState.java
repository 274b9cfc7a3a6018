package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Double Ratchet session with a remote device, the fields of libsignal-node's SessionEntry
 * (docs/protocol.md, Signal). Keys are raw 32 bytes. Mutable, and deliberately so: a batch encrypt of a status to a
 * thousand devices changes every record in memory and the caller writes them back in one go. Decryption works on a
 * {@link #copy()}.
 */
final class SessionState {
    /**
     * libsignal-node keeps every receiving chain forever; libsignal-java keeps five. Old chains only serve
     * messages delayed across several ratchet turns, so five bounds the record without losing real traffic.
     */
    static final int MAX_RECEIVING_CHAINS = 5;

    final int remoteRegistrationId;
    final byte[] remoteIdentityKey;
    /** The X3DH base key: ours if we initiated, theirs if we responded. It names the session. */
    final byte[] baseKey;
    final boolean baseKeyOurs;
    RootKey rootKey;
    Curve25519KeyPair ourRatchetKey;
    byte[] remoteRatchetKey;
    int previousCounter;
    /** Null for a responder until the first message steps the ratchet. */
    ChainKey sendingChain;
    final List<ReceivingChain> receivingChains;
    /** Non-null until a message has been received on this session: until then we send pkmsg. */
    PendingPreKey pendingPreKey;

    SessionState(int remoteRegistrationId, byte[] remoteIdentityKey, byte[] baseKey, boolean baseKeyOurs,
                 RootKey rootKey, Curve25519KeyPair ourRatchetKey, byte[] remoteRatchetKey, int previousCounter,
                 ChainKey sendingChain, List<ReceivingChain> receivingChains, PendingPreKey pendingPreKey) {
        this.remoteRegistrationId = remoteRegistrationId;
        this.remoteIdentityKey = remoteIdentityKey;
        this.baseKey = baseKey;
        this.baseKeyOurs = baseKeyOurs;
        this.rootKey = rootKey;
        this.ourRatchetKey = ourRatchetKey;
        this.remoteRatchetKey = remoteRatchetKey;
        this.previousCounter = previousCounter;
        this.sendingChain = sendingChain;
        this.receivingChains = receivingChains;
        this.pendingPreKey = pendingPreKey;
    }

    /** Deep enough that changes to the copy never reach this state (byte arrays are never changed in place). */
    SessionState copy() {
        List<ReceivingChain> chains = new ArrayList<>(receivingChains.size());
        receivingChains.forEach(chain -> chains.add(chain.copy()));
        return new SessionState(remoteRegistrationId, remoteIdentityKey, baseKey, baseKeyOurs, rootKey, ourRatchetKey,
                remoteRatchetKey, previousCounter, sendingChain, chains, pendingPreKey);
    }

    ReceivingChain receivingChain(byte[] ratchetKey) {
        for (ReceivingChain chain : receivingChains) {
            if (chain.isFor(ratchetKey)) {
                return chain;
            }
        }
        return null;
    }

    void addReceivingChain(ReceivingChain chain) {
        receivingChains.add(chain);
        while (receivingChains.size() > MAX_RECEIVING_CHAINS) {
            receivingChains.remove(0);
        }
    }

    boolean hasRemoteIdentity(byte[] identityKey) {
        return Arrays.equals(remoteIdentityKey, identityKey);
    }

    /** Whether a pkmsg with this base key belongs to this session (only sessions the peer started). */
    boolean isTheirSessionWithBaseKey(byte[] theirBaseKey) {
        return !baseKeyOurs && Arrays.equals(baseKey, theirBaseKey);
    }
}
