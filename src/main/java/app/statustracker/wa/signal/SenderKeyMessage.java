package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.SignalGroupProtos;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;

/**
 * The body of {@code <enc type="skmsg">}: {@code 0x33 ‖ proto{id, iteration, ciphertext} ‖ sig64}, where sig64 is
 * the sender's XEdDSA signature over everything before it (docs/protocol.md, Signal). Parsing does not verify; the
 * receiver checks {@link #verifySignature} against the signing key of the state named by {@link #keyId()}.
 */
public final class SenderKeyMessage {
    private final int keyId;
    private final int iteration;
    private final byte[] ciphertext;
    /** The exact bytes received or produced, so the signature is checked over what was signed. */
    private final byte[] serialized;

    private SenderKeyMessage(int keyId, int iteration, byte[] ciphertext, byte[] serialized) {
        this.keyId = keyId;
        this.iteration = iteration;
        this.ciphertext = ciphertext;
        this.serialized = serialized;
    }

    /** Builds and signs a message with the chain's signing private key. */
    static SenderKeyMessage sign(int keyId, int iteration, byte[] ciphertext, byte[] signingPrivateKey) {
        byte[] body = SignalGroupProtos.SenderKeyMessage.newBuilder()
                .setId(keyId)
                .setIteration(iteration)
                .setCiphertext(ByteString.copyFrom(ciphertext))
                .build().toByteArray();
        byte[] signed = new byte[1 + body.length];
        signed[0] = SenderKeyVersion.CURRENT;
        System.arraycopy(body, 0, signed, 1, body.length);
        byte[] signature = XEdDsa.sign(signingPrivateKey, signed);
        byte[] serialized = Arrays.copyOf(signed, signed.length + XEdDsa.SIGNATURE_LENGTH);
        System.arraycopy(signature, 0, serialized, signed.length, XEdDsa.SIGNATURE_LENGTH);
        return new SenderKeyMessage(keyId, iteration, ciphertext.clone(), serialized);
    }

    public static SenderKeyMessage parse(byte[] serialized) throws SenderKeyException {
        SenderKeyVersion.check(serialized, 1 + XEdDsa.SIGNATURE_LENGTH, "skmsg");
        SignalGroupProtos.SenderKeyMessage proto;
        try {
            proto = SignalGroupProtos.SenderKeyMessage.parseFrom(
                    Arrays.copyOfRange(serialized, 1, serialized.length - XEdDsa.SIGNATURE_LENGTH));
        } catch (InvalidProtocolBufferException e) {
            throw new SenderKeyException("skmsg is not a protobuf", e);
        }
        if (!proto.hasId() || !proto.hasIteration() || !proto.hasCiphertext()) {
            throw new SenderKeyException("skmsg lacks id, iteration or ciphertext");
        }
        if (proto.getIteration() < 0) {
            throw new SenderKeyException("skmsg iteration out of range: " + Integer.toUnsignedString(proto.getIteration()));
        }
        return new SenderKeyMessage(proto.getId(), proto.getIteration(), proto.getCiphertext().toByteArray(),
                serialized.clone());
    }

    /** True iff the trailing 64 bytes are a valid XEdDSA signature of the rest under this raw 32-byte key. */
    public boolean verifySignature(byte[] signingPublicKey) {
        int signedLength = serialized.length - XEdDsa.SIGNATURE_LENGTH;
        return XEdDsa.verify(signingPublicKey, Arrays.copyOf(serialized, signedLength),
                Arrays.copyOfRange(serialized, signedLength, serialized.length));
    }

    public int keyId() {
        return keyId;
    }

    public int iteration() {
        return iteration;
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] serialize() {
        return serialized.clone();
    }

    @Override
    public String toString() {
        return "SenderKeyMessage[keyId=" + Integer.toUnsignedString(keyId) + ", iteration=" + iteration
                + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
