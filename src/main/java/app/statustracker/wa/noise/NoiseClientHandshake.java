package app.statustracker.wa.noise;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.DecryptionFailedException;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import app.statustracker.wa.proto.HandshakeProtos.HandshakeMessage;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * The initiator side of WhatsApp's Noise XX handshake (docs/protocol.md, Connection), as two steps the connection
 * drives: {@link #clientHello()} gives the first frame's payload (send it through
 * {@link FrameEncoder#forClient()}, which puts the intro header in front), and
 * {@link #onServerHello(byte[], byte[])} takes the server's answer and returns the ClientFinish plus the
 * transport ciphers. The client static key is the companion's persistent "noise key".
 *
 * <p>One instance serves one connection attempt; after any failure it refuses further use.
 * Not thread-safe.
 */
public final class NoiseClientHandshake {
    private static final int KEY_LENGTH = Curve25519.KEY_LENGTH;
    private static final int SEALED_KEY_LENGTH = KEY_LENGTH + 16;

    private enum Step { NEW, HELLO_SENT, FINISHED, FAILED }

    private final Curve25519KeyPair staticKeyPair;
    private final Curve25519KeyPair ephemeralKeyPair;
    private final CertificateChainVerifier certificateVerifier;
    private final SymmetricState state = new SymmetricState();
    private Step step = Step.NEW;

    public NoiseClientHandshake(Curve25519KeyPair staticKeyPair, CertificateChainVerifier certificateVerifier) {
        this(staticKeyPair, Curve25519.generateKeyPair(), certificateVerifier);
    }

    /** With a chosen ephemeral key, for tests that need reproducible handshakes. */
    public NoiseClientHandshake(Curve25519KeyPair staticKeyPair, Curve25519KeyPair ephemeralKeyPair,
                                CertificateChainVerifier certificateVerifier) {
        this.staticKeyPair = staticKeyPair;
        this.ephemeralKeyPair = ephemeralKeyPair;
        this.certificateVerifier = certificateVerifier;
    }

    /** Step 1: mixes the intro header and our ephemeral key into h; returns {@code HandshakeMessage{clientHello}}. */
    public byte[] clientHello() {
        requireStep(Step.NEW);
        byte[] ephemeral = ephemeralKeyPair.publicKey();
        state.mixHash(IntroHeader.whatsApp());
        state.mixHash(ephemeral);
        step = Step.HELLO_SENT;
        return HandshakeMessage.newBuilder()
                .setClientHello(HandshakeMessage.ClientHello.newBuilder().setEphemeral(ByteString.copyFrom(ephemeral)))
                .build().toByteArray();
    }

    /**
     * Step 3: authenticates the server (static key, certificate chain) and answers with our encrypted static
     * key and the encrypted ClientPayload.
     *
     * @param serverHelloMessage the payload of the server's first frame
     * @param clientPayload      serialized ClientPayload (login or registration), sent encrypted
     */
    public ClientHandshakeResult onServerHello(byte[] serverHelloMessage, byte[] clientPayload)
            throws HandshakeFailedException {
        requireStep(Step.HELLO_SENT);
        step = Step.FAILED;
        HandshakeMessage.ServerHello hello = parseServerHello(serverHelloMessage);
        byte[] serverEphemeral = hello.getEphemeral().toByteArray();

        state.mixHash(serverEphemeral);
        state.mixKey(agree(ephemeralKeyPair, serverEphemeral, "server ephemeral key"));
        byte[] serverStatic = decrypt(hello.getStatic().toByteArray(), "static key");
        state.mixKey(agree(ephemeralKeyPair, serverStatic, "server static key"));
        byte[] certificateChain = decrypt(hello.getPayload().toByteArray(), "certificate payload");
        certificateVerifier.verify(certificateChain, serverStatic);

        // The certificate was sealed with n = 0 after the second MixKey, so our static key goes out with n = 1.
        byte[] sealedStatic = state.encryptAndHash(staticKeyPair.publicKey());
        state.mixKey(agree(staticKeyPair, serverEphemeral, "server ephemeral key"));
        byte[] sealedPayload = state.encryptAndHash(clientPayload);

        byte[] clientFinish = HandshakeMessage.newBuilder()
                .setClientFinish(HandshakeMessage.ClientFinish.newBuilder()
                        .setStatic(ByteString.copyFrom(sealedStatic))
                        .setPayload(ByteString.copyFrom(sealedPayload)))
                .build().toByteArray();
        TransportKeys keys = state.split();
        step = Step.FINISHED;
        return new ClientHandshakeResult(clientFinish, keys.clientSending(), keys.clientReceiving(), serverStatic);
    }

    private static HandshakeMessage.ServerHello parseServerHello(byte[] message) throws HandshakeFailedException {
        HandshakeMessage parsed;
        try {
            parsed = HandshakeMessage.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            throw new HandshakeFailedException("server hello: not a HandshakeMessage protobuf", e);
        }
        if (!parsed.hasServerHello()) {
            throw new HandshakeFailedException("server hello: message has no serverHello");
        }
        HandshakeMessage.ServerHello hello = parsed.getServerHello();
        if (hello.getEphemeral().size() != KEY_LENGTH) {
            throw new HandshakeFailedException("server hello: ephemeral key is "
                    + hello.getEphemeral().size() + " bytes, expected 32");
        }
        if (hello.getStatic().size() != SEALED_KEY_LENGTH) {
            throw new HandshakeFailedException("server hello: encrypted static key is "
                    + hello.getStatic().size() + " bytes, expected 48");
        }
        if (!hello.hasPayload()) {
            throw new HandshakeFailedException("server hello: certificate payload missing");
        }
        return hello;
    }

    private static byte[] agree(Curve25519KeyPair ours, byte[] theirs, String what) throws HandshakeFailedException {
        try {
            return Curve25519.sharedSecret(ours.privateKey(), theirs);
        } catch (InvalidPublicKeyException e) {
            throw new HandshakeFailedException("server hello: " + what + " refused: " + e.getMessage(), e);
        }
    }

    private byte[] decrypt(byte[] ciphertext, String what) throws HandshakeFailedException {
        try {
            return state.decryptAndHash(ciphertext);
        } catch (DecryptionFailedException e) {
            throw new HandshakeFailedException("server hello: " + what + " does not decrypt (wrong keys or tampered)", e);
        }
    }

    private void requireStep(Step expected) {
        if (step != expected) {
            throw new IllegalStateException("handshake step out of order: expected " + expected + ", was " + step);
        }
    }
}
