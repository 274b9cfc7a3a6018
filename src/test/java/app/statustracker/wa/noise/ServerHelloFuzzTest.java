package app.statustracker.wa.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import app.statustracker.wa.ProtocolException;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.proto.HandshakeProtos.HandshakeMessage;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import java.io.InputStream;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Jazzer targets for the client's processing of a ServerHello: whatever a server sends, the handshake
 * fails only with a {@link ProtocolException} subclass (never a runtime exception). Keys are fixed so a
 * failing input replays deterministically, and so the seed corpus can hold a ServerHello that passes.
 */
class ServerHelloFuzzTest {
    static final Curve25519KeyPair CLIENT_STATIC = fixedKeyPair(0x11);
    static final Curve25519KeyPair CLIENT_EPHEMERAL = fixedKeyPair(0x22);
    /** The seed ServerHello under ServerHelloFuzzTestInputs/randomBytes was made with this root (see ServerHelloSeeds). */
    static final Curve25519KeyPair ROOT = fixedKeyPair(0x33);
    static final Curve25519KeyPair SERVER_STATIC = fixedKeyPair(0x44);
    static final Curve25519KeyPair SERVER_EPHEMERAL = fixedKeyPair(0x55);
    private static final CertificateChainVerifier VERIFIER =
            new CertificateChainVerifier(ROOT.publicKey(), 0, Clock.systemUTC());

    /** The raw frame payload, as any bytes. */
    @FuzzTest(maxDuration = "20s")
    void randomBytes(byte[] serverHello) {
        process(serverHello);
    }

    /** A well-formed HandshakeMessage with fuzzed fields, to get past protobuf parsing into the crypto. */
    @FuzzTest(maxDuration = "20s")
    void structuredServerHello(FuzzedDataProvider data) {
        HandshakeMessage.ServerHello.Builder hello = HandshakeMessage.ServerHello.newBuilder();
        if (data.consumeBoolean()) {
            hello.setEphemeral(ByteString.copyFrom(data.consumeBytes(data.consumeBoolean() ? 32 : data.consumeInt(0, 40))));
        }
        if (data.consumeBoolean()) {
            hello.setStatic(ByteString.copyFrom(data.consumeBytes(data.consumeBoolean() ? 48 : data.consumeInt(0, 60))));
        }
        if (data.consumeBoolean()) {
            hello.setPayload(ByteString.copyFrom(data.consumeRemainingAsBytes()));
        }
        process(HandshakeMessage.newBuilder().setServerHello(hello).build().toByteArray());
    }

    /** Guards the seed corpus: its first entry must take the handshake all the way through. */
    @Test
    void seedServerHelloIsAccepted() throws Exception {
        byte[] seed;
        try (InputStream in = ServerHelloFuzzTest.class.getResourceAsStream(
                "ServerHelloFuzzTestInputs/randomBytes/valid-server-hello")) {
            seed = in.readAllBytes();
        }
        NoiseClientHandshake client = new NoiseClientHandshake(CLIENT_STATIC, CLIENT_EPHEMERAL, VERIFIER);
        client.clientHello();
        assertArrayEquals(SERVER_STATIC.publicKey(), client.onServerHello(seed, new byte[] {1}).serverStaticKey());
    }

    private static void process(byte[] serverHello) {
        NoiseClientHandshake client = new NoiseClientHandshake(CLIENT_STATIC, CLIENT_EPHEMERAL, VERIFIER);
        client.clientHello();
        try {
            client.onServerHello(serverHello, new byte[] {1, 2, 3});
        } catch (ProtocolException expected) {
            // a refused server hello is the normal outcome
        }
    }

    static Curve25519KeyPair fixedKeyPair(int fill) {
        byte[] privateKey = new byte[32];
        java.util.Arrays.fill(privateKey, (byte) fill);
        return Curve25519KeyPair.fromPrivateKey(privateKey);
    }
}
