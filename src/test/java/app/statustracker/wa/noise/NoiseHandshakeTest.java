package app.statustracker.wa.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.noise.CertificateChainGenerator;
import app.statustracker.simulator.noise.NoiseResponder;
import app.statustracker.simulator.noise.ResponderResult;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.proto.HandshakeProtos.HandshakeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client and simulator responder talk through the real frame layer, as they will over a WebSocket. */
class NoiseHandshakeTest {
    private final Curve25519KeyPair root = Curve25519.generateKeyPair();
    private final Curve25519KeyPair serverStatic = Curve25519.generateKeyPair();
    private final Curve25519KeyPair clientStatic = Curve25519.generateKeyPair();
    private final CertificateChainVerifier verifier = new CertificateChainVerifier(root.publicKey(), 0, Clock.systemUTC());

    @Test
    void fullHandshakeThenTransportBothWays() throws Exception {
        byte[] chain = new CertificateChainGenerator(root, serverStatic.publicKey()).generate();
        NoiseClientHandshake client = new NoiseClientHandshake(clientStatic, verifier);
        NoiseResponder server = new NoiseResponder(serverStatic, chain);
        FrameEncoder clientOut = FrameEncoder.forClient();
        FrameEncoder serverOut = FrameEncoder.forServer();
        FrameDecoder clientIn = FrameDecoder.forClient(FrameDecoder.PROTOCOL_MAX_FRAME_LENGTH);
        FrameDecoder serverIn = FrameDecoder.forServer(FrameDecoder.PROTOCOL_MAX_FRAME_LENGTH);

        byte[] firstMessage = clientOut.encode(client.clientHello());
        assertArrayEquals(new byte[] {0x57, 0x41, 0x06, 0x03}, Arrays.copyOf(firstMessage, 4), "intro leads");
        byte[] serverHello = serverOut.encode(server.onClientHello(only(serverIn.feed(firstMessage))));

        byte[] clientPayload = "client payload".getBytes(StandardCharsets.UTF_8);
        ClientHandshakeResult clientDone = client.onServerHello(only(clientIn.feed(serverHello)), clientPayload);
        byte[] finish = clientOut.encode(clientDone.clientFinish());
        assertEquals(finish.length - 3, clientDone.clientFinish().length, "no intro after the first frame");
        ResponderResult serverDone = server.onClientFinish(only(serverIn.feed(finish)));

        assertArrayEquals(clientPayload, serverDone.clientPayload());
        assertArrayEquals(clientStatic.publicKey(), serverDone.clientStaticKey());
        assertArrayEquals(serverStatic.publicKey(), clientDone.serverStaticKey());

        for (int i = 0; i < 5; i++) {
            byte[] up = ("up " + i).getBytes(StandardCharsets.UTF_8);
            byte[] down = ("down " + i).getBytes(StandardCharsets.UTF_8);
            byte[] upWire = clientOut.encode(clientDone.sending().encrypt(up));
            byte[] downWire = serverOut.encode(serverDone.sending().encrypt(down));
            assertArrayEquals(up, serverDone.receiving().decrypt(only(serverIn.feed(upWire))));
            assertArrayEquals(down, clientDone.receiving().decrypt(only(clientIn.feed(downWire))));
        }
        assertEquals(5, clientDone.sending().counter());
        assertEquals(5, clientDone.receiving().counter());
        assertEquals(5, serverDone.sending().counter());
        assertEquals(5, serverDone.receiving().counter());
    }

    @Test
    void clientHelloCarriesOnlyTheEphemeral() throws Exception {
        Curve25519KeyPair ephemeral = Curve25519.generateKeyPair();
        NoiseClientHandshake client = new NoiseClientHandshake(clientStatic, ephemeral, verifier);
        HandshakeMessage hello = HandshakeMessage.parseFrom(client.clientHello());
        assertArrayEquals(ephemeral.publicKey(), hello.getClientHello().getEphemeral().toByteArray());
        assertTrue(!hello.getClientHello().hasStatic() && !hello.getClientHello().hasPayload());
        assertThrows(IllegalStateException.class, client::clientHello);
    }

    @Test
    void wrongRootKeyIsRefusedDuringTheHandshake() throws Exception {
        byte[] chain = new CertificateChainGenerator(Curve25519.generateKeyPair(), serverStatic.publicKey()).generate();
        NoiseClientHandshake client = new NoiseClientHandshake(clientStatic, verifier);
        byte[] serverHello = new NoiseResponder(serverStatic, chain).onClientHello(client.clientHello());
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> client.onServerHello(serverHello, new byte[0]));
        assertEquals("server certificate: intermediate not signed by the configured root key", e.getMessage());
        assertThrows(IllegalStateException.class, () -> client.onServerHello(serverHello, new byte[0]),
                "a failed handshake is not reusable");
    }

    @Test
    void chainForAnotherServerKeyIsRefused() throws Exception {
        // A chain that is valid in itself, but certifies a different static key than the one the server proved.
        byte[] chain = new CertificateChainGenerator(root, Curve25519.generateKeyPair().publicKey()).generate();
        NoiseClientHandshake client = new NoiseClientHandshake(clientStatic, verifier);
        byte[] serverHello = new NoiseResponder(serverStatic, chain).onClientHello(client.clientHello());
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> client.onServerHello(serverHello, new byte[0]));
        assertEquals("server certificate: leaf key does not match the server's static key", e.getMessage());
    }

    @Test
    void tamperedServerHelloIsRefused() throws Exception {
        byte[] chain = new CertificateChainGenerator(root, serverStatic.publicKey()).generate();
        NoiseClientHandshake client = new NoiseClientHandshake(clientStatic, verifier);
        HandshakeMessage hello = HandshakeMessage.parseFrom(
                new NoiseResponder(serverStatic, chain).onClientHello(client.clientHello()));
        byte[] sealedStatic = hello.getServerHello().getStatic().toByteArray();
        sealedStatic[5] ^= 1;
        byte[] tampered = hello.toBuilder().setServerHello(hello.getServerHello().toBuilder()
                .setStatic(com.google.protobuf.ByteString.copyFrom(sealedStatic))).build().toByteArray();
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                () -> client.onServerHello(tampered, new byte[0]));
        assertEquals("server hello: static key does not decrypt (wrong keys or tampered)", e.getMessage());
    }

    @Test
    void malformedServerHellosAreRefusedWithReasons() {
        assertEquals("server hello: not a HandshakeMessage protobuf", refusal(new byte[] {(byte) 0xFF}));
        assertEquals("server hello: message has no serverHello", refusal(new byte[0]));
        byte[] shortEphemeral = HandshakeMessage.newBuilder().setServerHello(HandshakeMessage.ServerHello.newBuilder()
                .setEphemeral(com.google.protobuf.ByteString.copyFrom(new byte[31]))).build().toByteArray();
        assertEquals("server hello: ephemeral key is 31 bytes, expected 32", refusal(shortEphemeral));
    }

    private String refusal(byte[] serverHello) {
        NoiseClientHandshake client = new NoiseClientHandshake(clientStatic, verifier);
        client.clientHello();
        return assertThrows(HandshakeFailedException.class, () -> client.onServerHello(serverHello, new byte[0]))
                .getMessage();
    }

    private static byte[] only(List<byte[]> frames) {
        assertEquals(1, frames.size());
        return frames.get(0);
    }
}
