package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.proto.SignalMessageProtos.PreKeyWhisperMessage;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A {@code pkmsg}: {@code 0x33 ‖ PreKeyWhisperMessage} carrying what the receiver needs for X3DH as responder
 * plus the first {@link SignalMessage} (docs/protocol.md, Signal). The initiator sends this form, always with the same
 * base key, until it has received a message on the session (libsignal's pendingPreKey).
 */
public final class PreKeySignalMessage {
    private final int registrationId;
    private final OptionalInt preKeyId;
    private final int signedPreKeyId;
    private final byte[] baseKey;
    private final byte[] identityKey;
    private final SignalMessage message;
    private final byte[] serialized;

    private PreKeySignalMessage(int registrationId, OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey,
                                byte[] identityKey, SignalMessage message, byte[] serialized) {
        this.registrationId = registrationId;
        this.preKeyId = preKeyId;
        this.signedPreKeyId = signedPreKeyId;
        this.baseKey = baseKey;
        this.identityKey = identityKey;
        this.message = message;
        this.serialized = serialized;
    }

    static PreKeySignalMessage create(int registrationId, OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey,
                                      byte[] identityKey, SignalMessage message) {
        PreKeyWhisperMessage.Builder proto = PreKeyWhisperMessage.newBuilder()
                .setRegistrationId(registrationId)
                .setSignedPreKeyId(signedPreKeyId)
                .setBaseKey(ByteString.copyFrom(Curve25519.withTypePrefix(baseKey)))
                .setIdentityKey(ByteString.copyFrom(Curve25519.withTypePrefix(identityKey)))
                .setMessage(ByteString.copyFrom(message.serialize()));
        preKeyId.ifPresent(proto::setPreKeyId);
        byte[] body = proto.build().toByteArray();
        byte[] serialized = new byte[1 + body.length];
        serialized[0] = SignalMessage.CURRENT_VERSION;
        System.arraycopy(body, 0, serialized, 1, body.length);
        return new PreKeySignalMessage(registrationId, preKeyId, signedPreKeyId, baseKey, identityKey, message, serialized);
    }

    public static PreKeySignalMessage parse(byte[] serialized) throws InvalidSignalMessageException {
        if (serialized == null || serialized.length < 2) {
            throw new InvalidSignalMessageException("PreKeySignalMessage too short");
        }
        SignalMessage.checkVersion(serialized[0]);
        PreKeyWhisperMessage proto;
        try {
            proto = PreKeyWhisperMessage.parseFrom(Arrays.copyOfRange(serialized, 1, serialized.length));
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidSignalMessageException("malformed PreKeyWhisperMessage", e);
        }
        if (!proto.hasBaseKey() || !proto.hasIdentityKey() || !proto.hasMessage() || !proto.hasSignedPreKeyId()) {
            throw new InvalidSignalMessageException("PreKeyWhisperMessage lacks baseKey, identityKey, message or signedPreKeyId");
        }
        // preKeyId 0 is how libsignal-node's "if (preKeyId)" reads an absent one; real ids start at 1
        OptionalInt preKeyId = proto.hasPreKeyId() && proto.getPreKeyId() != 0
                ? OptionalInt.of(proto.getPreKeyId()) : OptionalInt.empty();
        return new PreKeySignalMessage(proto.getRegistrationId(), preKeyId, proto.getSignedPreKeyId(),
                SignalMessage.unprefixed(proto.getBaseKey(), "baseKey"),
                SignalMessage.unprefixed(proto.getIdentityKey(), "identityKey"),
                SignalMessage.parse(proto.getMessage().toByteArray()), serialized.clone());
    }

    public int registrationId() {
        return registrationId;
    }

    public OptionalInt preKeyId() {
        return preKeyId;
    }

    public int signedPreKeyId() {
        return signedPreKeyId;
    }

    /** The initiator's X3DH ephemeral key (raw 32 bytes): it names the session on both sides. */
    public byte[] baseKey() {
        return baseKey.clone();
    }

    /** The initiator's identity key, raw 32 bytes. */
    public byte[] identityKey() {
        return identityKey.clone();
    }

    public SignalMessage message() {
        return message;
    }

    public byte[] serialize() {
        return serialized.clone();
    }
}
