package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import app.statustracker.wa.proto.SignalMessageProtos.WhisperMessage;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A {@code msg}: {@code 0x33 ‖ WhisperMessage ‖ mac8} with mac8 = HMAC-SHA256(macKey, senderIdentity33 ‖
 * receiverIdentity33 ‖ 0x33 ‖ WhisperMessage)[0..8] (docs/protocol.md, Signal). Immutable; keys are raw 32 bytes here
 * and carry the 0x05 prefix only on the wire.
 */
public final class SignalMessage {
    /** (3 << 4) | 3: message version 3, highest version we speak 3. */
    public static final byte CURRENT_VERSION = 0x33;
    public static final int MAC_LENGTH = 8;

    private final byte[] ratchetKey;
    private final int counter;
    private final int previousCounter;
    private final byte[] ciphertext;
    private final byte[] serialized;

    private SignalMessage(byte[] ratchetKey, int counter, int previousCounter, byte[] ciphertext, byte[] serialized) {
        this.ratchetKey = ratchetKey;
        this.counter = counter;
        this.previousCounter = previousCounter;
        this.ciphertext = ciphertext;
        this.serialized = serialized;
    }

    static SignalMessage create(byte[] ratchetKey, int counter, int previousCounter, byte[] ciphertext, byte[] macKey,
                                byte[] senderIdentityKey, byte[] receiverIdentityKey) {
        byte[] proto = WhisperMessage.newBuilder()
                .setEphemeralKey(ByteString.copyFrom(Curve25519.withTypePrefix(ratchetKey)))
                .setCounter(counter)
                .setPreviousCounter(previousCounter)
                .setCiphertext(ByteString.copyFrom(ciphertext))
                .build().toByteArray();
        byte[] mac = mac(macKey, senderIdentityKey, receiverIdentityKey, proto);
        byte[] serialized = new byte[1 + proto.length + MAC_LENGTH];
        serialized[0] = CURRENT_VERSION;
        System.arraycopy(proto, 0, serialized, 1, proto.length);
        System.arraycopy(mac, 0, serialized, 1 + proto.length, MAC_LENGTH);
        return new SignalMessage(ratchetKey, counter, previousCounter, ciphertext, serialized);
    }

    /** Parses the wire form; the MAC is checked later, once the session has the message keys. */
    public static SignalMessage parse(byte[] serialized) throws InvalidSignalMessageException {
        if (serialized == null || serialized.length < 1 + MAC_LENGTH + 1) {
            throw new InvalidSignalMessageException("Signal message too short");
        }
        checkVersion(serialized[0]);
        WhisperMessage proto;
        try {
            proto = WhisperMessage.parseFrom(Arrays.copyOfRange(serialized, 1, serialized.length - MAC_LENGTH));
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidSignalMessageException("malformed WhisperMessage", e);
        }
        if (!proto.hasEphemeralKey() || !proto.hasCounter() || !proto.hasCiphertext()) {
            throw new InvalidSignalMessageException("WhisperMessage lacks ephemeralKey, counter or ciphertext");
        }
        return new SignalMessage(unprefixed(proto.getEphemeralKey(), "ephemeralKey"), proto.getCounter(),
                proto.getPreviousCounter(), proto.getCiphertext().toByteArray(), serialized.clone());
    }

    /**
     * libsignal accepts a version byte whose high nibble (message version) is 3 and low nibble (the sender's
     * highest version) at most 3; libsignal-java refuses other message versions outright, and so do we.
     */
    static void checkVersion(byte version) throws UnsupportedSignalVersionException {
        if ((version & 0xF0) != 0x30 || (version & 0x0F) > 3) {
            throw new UnsupportedSignalVersionException(version);
        }
    }

    static byte[] unprefixed(ByteString key, String field) throws InvalidSignalMessageException {
        try {
            return Curve25519.withoutTypePrefix(key.toByteArray());
        } catch (InvalidPublicKeyException e) {
            throw new InvalidSignalMessageException(field + ": " + e.getMessage(), e);
        }
    }

    /** Constant-time comparison of the trailing 8 bytes with the MAC computed under {@code macKey}. */
    boolean hasValidMac(byte[] macKey, byte[] senderIdentityKey, byte[] receiverIdentityKey) {
        byte[] proto = Arrays.copyOfRange(serialized, 1, serialized.length - MAC_LENGTH);
        byte[] expected = Arrays.copyOf(mac(macKey, senderIdentityKey, receiverIdentityKey, proto), MAC_LENGTH);
        byte[] actual = Arrays.copyOfRange(serialized, serialized.length - MAC_LENGTH, serialized.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** libsignal-node MACs the constant version byte 0x33, not the byte received. */
    private static byte[] mac(byte[] macKey, byte[] senderIdentityKey, byte[] receiverIdentityKey, byte[] proto) {
        return HmacSha256.mac(macKey, Curve25519.withTypePrefix(senderIdentityKey),
                Curve25519.withTypePrefix(receiverIdentityKey), new byte[] {CURRENT_VERSION}, proto);
    }

    /** The sender's current ratchet key, raw 32 bytes. */
    public byte[] ratchetKey() {
        return ratchetKey.clone();
    }

    /** Index of the message key in the sender's chain; unsigned on the wire, negative here if ≥ 2^31. */
    public int counter() {
        return counter;
    }

    public int previousCounter() {
        return previousCounter;
    }

    byte[] ciphertext() {
        return ciphertext;
    }

    public byte[] serialize() {
        return serialized.clone();
    }
}
