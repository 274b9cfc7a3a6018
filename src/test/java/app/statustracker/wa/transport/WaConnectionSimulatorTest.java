package app.statustracker.wa.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.noise.CertificateChainVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our transport client against the in-JVM simulator: handshake, nodes both ways, iqs, keep-alive, failures. */
class WaConnectionSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    // shared by every connection of every test, as in production: no thread per connection
    private static HttpClient httpClient;
    private static ScheduledExecutorService scheduler;

    private WaSimulator simulator;
    private final Curve25519KeyPair noiseKey = Curve25519.generateKeyPair();
    private final RecordingListener listener = new RecordingListener();

    @BeforeAll
    static void sharedResources() {
        httpClient = HttpClient.newHttpClient();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void releaseSharedResources() {
        scheduler.shutdownNow();
    }

    @BeforeEach
    void startSimulator() {
        simulator = WaSimulator.start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private WaConnector connector(TransportOptions options) {
        return new WaConnector(httpClient, scheduler, options);
    }

    private static TransportOptions fast() {
        return new TransportOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(1), (1 << 24) - 1);
    }

    private ConnectRequest request(byte[] rootKey, Supplier<byte[]> payload) {
        return new ConnectRequest(simulator.wsUrl(), noiseKey,
                new CertificateChainVerifier(rootKey, 0, Clock.systemUTC()), payload);
    }

    private WaConnection connectRegistering(TransportOptions options) throws Exception {
        return connector(options).connect(request(simulator.rootPublicKey(), TestPayloads::registration), listener)
                .get(10, TimeUnit.SECONDS);
    }

    private SimConnection simulatorSide() {
        return simulator.awaitConnection(c -> c.payload().isPresent(), WAIT).orElseThrow();
    }

    @Test
    void handshakeThenPairDeviceArrivesAndNodesFlowBothWays() throws Exception {
        WaConnection connection = connectRegistering(fast());
        SimConnection server = simulatorSide();

        assertEquals("https://web.whatsapp.com", server.origin());
        assertEquals(Boolean.TRUE, server.introArrivedWithFirstFrame().orElseThrow());
        assertTrue(server.payload().orElseThrow().isRegistration());
        assertEquals(5, server.payload().orElseThrow().payload().getDevicePairingData().getEKeytype().byteAt(0));

        Node pairDevice = listener.nextNode();
        assertEquals("iq", pairDevice.tag());
        assertEquals("set", pairDevice.attr("type"));
        assertEquals(6, pairDevice.requireChild("pair-device").children("ref").size());

        // client → server: the ack Baileys sends, recorded by the simulator
        connection.send(Node.builder("iq").attr("to", "@s.whatsapp.net").attr("type", "result")
                .attr("id", pairDevice.attr("id")).build()).get(5, TimeUnit.SECONDS);
        SeenStanza ack = simulator.awaitStanza(seen -> seen.isInbound() && seen.isIq("result")
                && pairDevice.attr("id").equals(seen.node().attr("id")), WAIT).orElseThrow();
        assertEquals(server.id(), ack.connectionId());

        // server → client: two stanzas in one WebSocket message, then one message cut into 7-byte pieces
        server.sendTogether(List.of(Node.of("ib"), Node.builder("notification").attr("id", "n1").build()));
        assertEquals("ib", listener.nextNode().tag());
        assertEquals("n1", listener.nextNode().attr("id"));
        server.fragmentOutbound(7);
        server.send(Node.builder("message").attr("id", "m1").bytes(new byte[300]).build());
        assertEquals(300, listener.nextNode().contentBytesLength());

        connection.close();
        assertEquals(CloseReason.Kind.CLOSED_LOCALLY, listener.awaitClose().kind());
        assertTrue(simulator.awaitConnection(c -> !c.isOpen(), WAIT).isPresent(), "the simulator saw the close");
        assertEquals(1, listener.closeCalls.get());
    }

    @Test
    void pingIsAnsweredAndIqsAreMatchedById() throws Exception {
        WaConnection connection = connectRegistering(fast());
        listener.nextNode(); // pair-device

        Node pong = connection.sendIq(KeepAlive.ping(connection.newIqId())).get(5, TimeUnit.SECONDS);
        assertEquals("result", pong.attr("type"));

        List<CompletableFuture<Node>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // no id given: the connection assigns one; unknown iqs get the simulator's minimal result
            answers.add(connection.sendIq(Node.builder("iq").attr("to", "@s.whatsapp.net").attr("type", "get")
                    .attr("xmlns", "test:" + i).build()));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<Node> answer : answers) {
            ids.add(answer.get(5, TimeUnit.SECONDS).attr("id"));
        }
        assertEquals(5, ids.stream().distinct().count());
        for (int i = 0; i < 5; i++) {
            String id = ids.get(i);
            String xmlns = "test:" + i;
            assertTrue(simulator.journal().find(seen -> seen.isInbound() && id.equals(seen.node().attr("id"))
                    && xmlns.equals(seen.node().attr("xmlns"))).isPresent(), "answer " + i + " matched its own iq");
        }
        assertTrue(listener.nodes.isEmpty(), "answers go to their futures, not to the listener");
        connection.close();
    }

    @Test
    void anUnansweredIqTimesOutButTheConnectionStays() throws Exception {
        WaConnection connection = connectRegistering(fast().withIqTimeout(Duration.ofMillis(300)));
        listener.nextNode();
        simulatorSide().delayOutbound(1500);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.sendIq(KeepAlive.ping(connection.newIqId())).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IqTimeoutException.class, failure.getCause());
        assertTrue(connection.isOpen());
        connection.close();
    }

    @Test
    void keepAlivePingsAreSentAndAnswered() throws Exception {
        WaConnection connection = connectRegistering(fast().withKeepAlive(Duration.ofMillis(100), Duration.ofSeconds(2)));
        String serverId = simulatorSide().id();
        assertTrue(simulator.awaitStanza(seen -> seen.connectionId().equals(serverId) && seen.isOutbound()
                && seen.isIq("result") && countPings(serverId) >= 3, WAIT).isPresent()
                || countPings(serverId) >= 3, "three pings sent");
        Node ping = simulator.journal().find(seen -> seen.connectionId().equals(serverId) && seen.isInbound()
                && "w:p".equals(seen.node().attr("xmlns"))).orElseThrow().node();
        assertEquals("get", ping.attr("type"));
        assertEquals("@s.whatsapp.net", ping.attr("to"));
        assertTrue(ping.child("ping").isPresent());
        Thread.sleep(300);
        assertTrue(connection.isOpen(), "answered pings keep the connection open");
        connection.close();
    }

    private long countPings(String connectionId) {
        return simulator.stanzas(connectionId).stream()
                .filter(seen -> seen.isInbound() && "w:p".equals(seen.node().attr("xmlns"))).count();
    }

    @Test
    void keepAliveTimeoutClosesADeadConnection() throws Exception {
        WaConnection connection = connectRegistering(fast().withKeepAlive(Duration.ofMillis(150), Duration.ofMillis(300)));
        listener.nextNode();
        simulatorSide().delayOutbound(60_000); // the server stops answering anything
        CloseReason reason = listener.awaitClose();
        assertEquals(CloseReason.Kind.KEEPALIVE_TIMEOUT, reason.kind(), reason.toString());
        assertFalse(connection.isOpen());
        assertEquals(reason, connection.closeFuture().get(1, TimeUnit.SECONDS));
    }

    @Test
    void aDroppedConnectionIsReportedAsLostAndFailsPendingIqs() throws Exception {
        WaConnection connection = connectRegistering(fast());
        listener.nextNode();
        SimConnection server = simulatorSide();
        server.delayOutbound(60_000);
        CompletableFuture<Node> pending = connection.sendIq(KeepAlive.ping(connection.newIqId()));
        simulator.awaitStanza(seen -> seen.isInbound() && "w:p".equals(seen.node().attr("xmlns")), WAIT).orElseThrow();
        simulator.drop(server.id());
        CloseReason reason = listener.awaitClose();
        assertEquals(CloseReason.Kind.CONNECTION_LOST, reason.kind(), reason.toString());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertEquals(reason, assertInstanceOf(ConnectionClosedException.class, failure.getCause()).reason());
        assertFalse(connection.isOpen());
    }

    @Test
    void serverCloseIsReportedWithItsStatus() throws Exception {
        connectRegistering(fast());
        listener.nextNode();
        simulator.closeAll();
        CloseReason reason = listener.awaitClose();
        assertEquals(CloseReason.Kind.CLOSED_BY_SERVER, reason.kind());
        assertEquals(1000, reason.webSocketStatus());
    }

    @Test
    void wrongRootKeyIsRefusedWithTheCertificateError() throws Exception {
        CompletableFuture<WaConnection> attempt = connector(fast())
                .connect(request(Curve25519.generateKeyPair().publicKey(), TestPayloads::registration), listener);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> attempt.get(10, TimeUnit.SECONDS));
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, failure.getCause());
        assertEquals(CloseReason.Kind.CERTIFICATE_REJECTED, closed.reason().kind());
        assertTrue(closed.reason().message().contains("not signed by the configured root key"), closed.reason().message());
        assertEquals(closed.reason(), listener.awaitClose());
        // the ClientPayload never went to the unauthenticated server
        SimConnection server = simulator.awaitConnection(c -> true, WAIT).orElseThrow();
        assertTrue(simulator.awaitConnection(c -> !c.isOpen(), Duration.ofSeconds(10)).isPresent(),
                "simulator saw the close; stage " + server.stage());
        assertTrue(server.payload().isEmpty());
    }

    @Test
    void loginOfAnUnknownDeviceGetsFailure401ThenClose() throws Exception {
        connector(fast()).connect(request(simulator.rootPublicKey(), () -> TestPayloads.login(15551234567L, 3)), listener)
                .get(10, TimeUnit.SECONDS);
        Node failure = listener.nextNode();
        assertEquals("failure", failure.tag());
        assertEquals("401", failure.attr("reason"));
        assertEquals(CloseReason.Kind.CLOSED_BY_SERVER, listener.awaitClose().kind());
    }

    @Test
    void loginOfAKnownDeviceGetsSuccessWithLid() throws Exception {
        Account account = simulator.createAccount("15551234567");
        account.addDevice(new RegisteredDevice(3, noiseKey.publicKey()));
        WaConnection connection = connector(fast())
                .connect(request(simulator.rootPublicKey(), () -> TestPayloads.login(15551234567L, 3)), listener)
                .get(10, TimeUnit.SECONDS);
        Node success = listener.nextNode();
        assertEquals("success", success.tag());
        assertEquals(account.lidJid(3), success.attr("lid"));
        connection.close();
    }

    @Test
    void connectionRefusedIsAConnectFailure() throws Exception {
        URI nowhere = URI.create("ws://127.0.0.1:1/ws/chat");
        CompletableFuture<WaConnection> attempt = connector(fast()).connect(new ConnectRequest(nowhere, noiseKey,
                CertificateChainVerifier.whatsApp(), TestPayloads::registration), listener);
        assertEquals(CloseReason.Kind.CONNECT_FAILED, listener.awaitClose().kind());
        assertTrue(attempt.isCompletedExceptionally());
    }
}
