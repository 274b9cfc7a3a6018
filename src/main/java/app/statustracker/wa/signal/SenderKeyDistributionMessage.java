package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import app.statustracker.wa.proto.SignalGroupProtos;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;

/**
 * An SKDM ("axolotlSenderKeyDistributionMessage"): {@code 0x33 ‖ proto{id, iteration, chainKey, signingKey}},
 * without signature or MAC — it is only ever sent inside a pairwise-encrypted Message (docs/protocol.md, Signal).
 * It hands a receiver the sender's chain as it is <em>now</em>, so the receiver can decrypt from that iteration on.
 * The signing key is carried as 33 bytes {@code 0x05 ‖ pub}; this class holds the raw 32.
 */
public final class SenderKeyDistributionMessage {
    private final int keyId;
    private final int iteration;
    private final byte[] chainKey;
    private final byte[] signingPublicKey;

    public SenderKeyDistributionMessage(int keyId, int iteration, byte[] chainKey, byte[] signingPublicKey) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be 0..2^31-1");
        }
        if (chainKey == null || chainKey.length != SenderChainKey.LENGTH) {
            throw new IllegalArgumentException("chain key must be 32 bytes");
        }
        if (signingPublicKey == null || signingPublicKey.length != Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("signing public key must be 32 raw bytes");
        }
        this.keyId = keyId;
        this.iteration = iteration;
        this.chainKey = chainKey.clone();
        this.signingPublicKey = signingPublicKey.clone();
    }

    /**
     * Parses SKDM bytes. The version byte's high nibble must be 3 (libsignal's check; Baileys skips it). A bare
     * 32-byte signing key is tolerated, as Baileys' SenderKeyState.getSigningKeyPublic tolerates it.
     */
    public static SenderKeyDistributionMessage parse(byte[] serialized) throws SenderKeyException {
        SenderKeyVersion.check(serialized, 1, "SKDM");
        SignalGroupProtos.SenderKeyDistributionMessage proto;
        try {
            proto = SignalGroupProtos.SenderKeyDistributionMessage.parseFrom(
                    Arrays.copyOfRange(serialized, 1, serialized.length));
        } catch (InvalidProtocolBufferException e) {
            throw new SenderKeyException("SKDM is not a protobuf", e);
        }
        if (!proto.hasId() || !proto.hasIteration() || !proto.hasChainKey() || !proto.hasSigningKey()) {
            throw new SenderKeyException("SKDM lacks id, iteration, chain key or signing key");
        }
        if (proto.getIteration() < 0) {
            throw new SenderKeyException("SKDM iteration out of range: " + Integer.toUnsignedString(proto.getIteration()));
        }
        if (proto.getChainKey().size() != SenderChainKey.LENGTH) {
            throw new SenderKeyException("SKDM chain key must be 32 bytes, got " + proto.getChainKey().size());
        }
        return new SenderKeyDistributionMessage(proto.getId(), proto.getIteration(), proto.getChainKey().toByteArray(),
                rawSigningKey(proto.getSigningKey().toByteArray()));
    }

    private static byte[] rawSigningKey(byte[] key) throws SenderKeyException {
        if (key.length == Curve25519.KEY_LENGTH) {
            return key;
        }
        try {
            return Curve25519.withoutTypePrefix(key);
        } catch (InvalidPublicKeyException e) {
            throw new SenderKeyException("SKDM signing key is neither 0x05 ‖ 32 bytes nor 32 bytes", e);
        }
    }

    /** {@code 0x33 ‖ proto}, with the signing key as {@code 0x05 ‖ pub} as every client sends it. */
    public byte[] serialize() {
        byte[] body = SignalGroupProtos.SenderKeyDistributionMessage.newBuilder()
                .setId(keyId)
                .setIteration(iteration)
                .setChainKey(ByteString.copyFrom(chainKey))
                .setSigningKey(ByteString.copyFrom(Curve25519.withTypePrefix(signingPublicKey)))
                .build().toByteArray();
        byte[] out = new byte[body.length + 1];
        out[0] = SenderKeyVersion.CURRENT;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    public int keyId() {
        return keyId;
    }

    public int iteration() {
        return iteration;
    }

    public byte[] chainKey() {
        return chainKey.clone();
    }

    /** The raw 32-byte Curve25519 key that verifies this chain's skmsg signatures. */
    public byte[] signingPublicKey() {
        return signingPublicKey.clone();
    }

    @Override
    public String toString() {
        return "SenderKeyDistributionMessage[keyId=" + Integer.toUnsignedString(keyId) + ", iteration=" + iteration + "]";
    }
}
