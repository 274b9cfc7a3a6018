package app.statustracker.simulator.noise;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.DecryptionFailedException;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import app.statustracker.wa.noise.HandshakeFailedException;
import app.statustracker.wa.noise.IntroHeader;
import app.statustracker.wa.noise.SymmetricState;
import app.statustracker.wa.noise.TransportKeys;
import app.statustracker.wa.proto.HandshakeProtos.HandshakeMessage;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * The server (responder) side of WhatsApp's Noise XX handshake, for the loopback simulator
 * (docs/protocol.md, Connection, steps 2 and 4). Feed it the payload of the client's first frame (after
 * {@code FrameDecoder.forServer} stripped the intro header) and send back what {@link #onClientHello}
 * returns as one frame; feed it the next frame to get the ClientPayload and the transport ciphers.
 *
 * <p>One instance per connection. Not thread-safe.
 */
public final class NoiseResponder {
    private enum Step { NEW, HELLO_SENT, FINISHED, FAILED }

    private final Curve25519KeyPair staticKeyPair;
    private final Curve25519KeyPair ephemeralKeyPair;
    private final byte[] certificateChain;
    private final SymmetricState state = new SymmetricState();
    private Step step = Step.NEW;

    /**
     * @param staticKeyPair    the server static key; the chain's leaf must certify its public key
     * @param certificateChain serialized CertChain, e.g. from {@link CertificateChainGenerator}
     */
    public NoiseResponder(Curve25519KeyPair staticKeyPair, byte[] certificateChain) {
        this(staticKeyPair, Curve25519.generateKeyPair(), certificateChain);
    }

    public NoiseResponder(Curve25519KeyPair staticKeyPair, Curve25519KeyPair ephemeralKeyPair, byte[] certificateChain) {
        this.staticKeyPair = staticKeyPair;
        this.ephemeralKeyPair = ephemeralKeyPair;
        this.certificateChain = certificateChain.clone();
    }

    /** Step 2: returns {@code HandshakeMessage{serverHello}} with our ephemeral, sealed static and sealed chain. */
    public byte[] onClientHello(byte[] clientHelloMessage) throws HandshakeFailedException {
        requireStep(Step.NEW);
        step = Step.FAILED;
        HandshakeMessage message = parse(clientHelloMessage, "client hello");
        if (!message.hasClientHello() || message.getClientHello().getEphemeral().size() != 32) {
            throw new HandshakeFailedException("client hello: missing or mis-sized ephemeral key");
        }
        byte[] clientEphemeral = message.getClientHello().getEphemeral().toByteArray();
        state.mixHash(IntroHeader.whatsApp());
        state.mixHash(clientEphemeral);

        byte[] ephemeral = ephemeralKeyPair.publicKey();
        state.mixHash(ephemeral);
        state.mixKey(agree(ephemeralKeyPair, clientEphemeral));
        byte[] sealedStatic = state.encryptAndHash(staticKeyPair.publicKey());
        state.mixKey(agree(staticKeyPair, clientEphemeral));
        byte[] sealedChain = state.encryptAndHash(certificateChain);
        step = Step.HELLO_SENT;
        return HandshakeMessage.newBuilder()
                .setServerHello(HandshakeMessage.ServerHello.newBuilder()
                        .setEphemeral(ByteString.copyFrom(ephemeral))
                        .setStatic(ByteString.copyFrom(sealedStatic))
                        .setPayload(ByteString.copyFrom(sealedChain)))
                .build().toByteArray();
    }

    /** Step 4: learns the client's static key and ClientPayload; the transport starts right after. */
    public ResponderResult onClientFinish(byte[] clientFinishMessage) throws HandshakeFailedException {
        requireStep(Step.HELLO_SENT);
        step = Step.FAILED;
        HandshakeMessage message = parse(clientFinishMessage, "client finish");
        if (!message.hasClientFinish() || message.getClientFinish().getStatic().size() != 48) {
            throw new HandshakeFailedException("client finish: missing or mis-sized encrypted static key");
        }
        byte[] clientStatic = decrypt(message.getClientFinish().getStatic().toByteArray(), "static key");
        state.mixKey(agree(ephemeralKeyPair, clientStatic));
        byte[] payload = decrypt(message.getClientFinish().getPayload().toByteArray(), "payload");
        TransportKeys keys = state.split();
        step = Step.FINISHED;
        return new ResponderResult(clientStatic, payload, keys.serverSending(), keys.serverReceiving());
    }

    private static HandshakeMessage parse(byte[] bytes, String what) throws HandshakeFailedException {
        try {
            return HandshakeMessage.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new HandshakeFailedException(what + ": not a HandshakeMessage protobuf", e);
        }
    }

    private static byte[] agree(Curve25519KeyPair ours, byte[] theirs) throws HandshakeFailedException {
        try {
            return Curve25519.sharedSecret(ours.privateKey(), theirs);
        } catch (InvalidPublicKeyException e) {
            throw new HandshakeFailedException("client key refused: " + e.getMessage(), e);
        }
    }

    private byte[] decrypt(byte[] ciphertext, String what) throws HandshakeFailedException {
        try {
            return state.decryptAndHash(ciphertext);
        } catch (DecryptionFailedException e) {
            throw new HandshakeFailedException("client finish: " + what + " does not decrypt", e);
        }
    }

    private void requireStep(Step expected) {
        if (step != expected) {
            throw new IllegalStateException("handshake step out of order: expected " + expected + ", was " + step);
        }
    }
}
