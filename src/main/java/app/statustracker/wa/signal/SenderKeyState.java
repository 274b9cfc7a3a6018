package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.proto.SenderKeyRecordProtos.StoredSenderKeyState;
import app.statustracker.wa.proto.SenderKeyRecordProtos.StoredSkippedMessageKey;
import com.google.protobuf.ByteString;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One sender-key chain as a receiver or the sender holds it (docs/protocol.md, Signal): key id, the chain key with
 * its iteration (the next iteration to use or expect), the public signing key and, for our own chain only, the
 * private one, plus message keys of iterations skipped on the way (at most {@value #MAX_SKIPPED_MESSAGE_KEYS},
 * oldest dropped first, like libsignal and Baileys). Mutable, changed only through {@link GroupCipher} and
 * {@link GroupSessionBuilder}; not thread-safe.
 */
public final class SenderKeyState {
    public static final int MAX_SKIPPED_MESSAGE_KEYS = 2000;

    private final int keyId;
    private SenderChainKey chainKey;
    private final byte[] signingPublicKey;
    private final byte[] signingPrivateKey;
    /** Iteration → message key seed, in the order they were skipped (oldest first). */
    private final LinkedHashMap<Integer, byte[]> skippedMessageKeys = new LinkedHashMap<>();

    SenderKeyState(int keyId, SenderChainKey chainKey, byte[] signingPublicKey, byte[] signingPrivateKey) {
        if (signingPublicKey == null || signingPublicKey.length != Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("signing public key must be 32 bytes");
        }
        if (signingPrivateKey != null && signingPrivateKey.length != Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("signing private key must be 32 bytes");
        }
        this.keyId = keyId;
        this.chainKey = chainKey;
        this.signingPublicKey = signingPublicKey.clone();
        this.signingPrivateKey = signingPrivateKey == null ? null : signingPrivateKey.clone();
    }

    public int keyId() {
        return keyId;
    }

    /** The chain's current iteration: the next one our encrypt uses, or the lowest a receiver can still derive. */
    public int iteration() {
        return chainKey.iteration();
    }

    /** Raw 32-byte Curve25519 key that verifies this chain's signatures. */
    public byte[] signingPublicKey() {
        return signingPublicKey.clone();
    }

    /** True for our own chain, the only kind that holds the signing private key and can encrypt. */
    public boolean isOwn() {
        return signingPrivateKey != null;
    }

    public int skippedMessageKeyCount() {
        return skippedMessageKeys.size();
    }

    SenderChainKey chainKey() {
        return chainKey;
    }

    void setChainKey(SenderChainKey next) {
        chainKey = next;
    }

    byte[] signingPrivateKey() {
        if (signingPrivateKey == null) {
            throw new IllegalStateException("sender key " + Integer.toUnsignedString(keyId) + " is not our own");
        }
        return signingPrivateKey.clone();
    }

    /** The SKDM that hands this chain, as it is now, to another device. */
    SenderKeyDistributionMessage distributionMessage() {
        return new SenderKeyDistributionMessage(keyId, chainKey.iteration(), chainKey.key(), signingPublicKey);
    }

    Optional<SenderMessageKey> skippedMessageKey(int iteration) {
        byte[] seed = skippedMessageKeys.get(iteration);
        return seed == null ? Optional.empty() : Optional.of(new SenderMessageKey(iteration, seed));
    }

    void removeSkippedMessageKey(int iteration) {
        skippedMessageKeys.remove(iteration);
    }

    void addSkippedMessageKey(SenderMessageKey key) {
        skippedMessageKeys.put(key.iteration(), key.seed());
        Iterator<Map.Entry<Integer, byte[]>> oldest = skippedMessageKeys.entrySet().iterator();
        while (skippedMessageKeys.size() > MAX_SKIPPED_MESSAGE_KEYS) {
            oldest.next();
            oldest.remove();
        }
    }

    StoredSenderKeyState toProto() {
        StoredSenderKeyState.Builder builder = StoredSenderKeyState.newBuilder()
                .setKeyId(keyId)
                .setChainIteration(chainKey.iteration())
                .setChainKey(ByteString.copyFrom(chainKey.key()))
                .setSigningPublicKey(ByteString.copyFrom(signingPublicKey));
        if (signingPrivateKey != null) {
            builder.setSigningPrivateKey(ByteString.copyFrom(signingPrivateKey));
        }
        skippedMessageKeys.forEach((iteration, seed) -> builder.addSkippedMessageKeys(StoredSkippedMessageKey.newBuilder()
                .setIteration(iteration).setSeed(ByteString.copyFrom(seed))));
        return builder.build();
    }

    static SenderKeyState fromProto(StoredSenderKeyState stored) {
        SenderKeyState state = new SenderKeyState(stored.getKeyId(),
                new SenderChainKey(stored.getChainIteration(), stored.getChainKey().toByteArray()),
                stored.getSigningPublicKey().toByteArray(),
                stored.hasSigningPrivateKey() ? stored.getSigningPrivateKey().toByteArray() : null);
        for (StoredSkippedMessageKey skipped : stored.getSkippedMessageKeysList()) {
            state.addSkippedMessageKey(new SenderMessageKey(skipped.getIteration(), skipped.getSeed().toByteArray()));
        }
        return state;
    }

    @Override
    public String toString() {
        return "SenderKeyState[keyId=" + Integer.toUnsignedString(keyId) + ", iteration=" + chainKey.iteration()
                + ", own=" + isOwn() + ", skipped=" + skippedMessageKeys.size() + "]";
    }
}
