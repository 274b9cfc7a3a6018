package app.statustracker.wa.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.SimulatorConfig;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.pairing.LinkRejectedException;
import app.statustracker.simulator.pairing.PairingAttempt;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.ClientEvent.Disconnected;
import app.statustracker.wa.client.ClientEvent.LoggedIn;
import app.statustracker.wa.client.ClientEvent.Paired;
import app.statustracker.wa.client.ClientEvent.PairingCode;
import app.statustracker.wa.client.ClientEvent.QrCode;
import app.statustracker.wa.client.DisconnectReason.Kind;
import app.statustracker.wa.client.DisconnectReason.Reconnect;
import app.statustracker.wa.pairing.QrCodeData;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our WaClient against the in-JVM simulator and its simulated primary phone (docs/protocol.md, Pairing, Login and
 * Simulator). */
class WaClientSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PHONE = "15551234567";
    private static HttpClient httpClient;
    private static ScheduledExecutorService scheduler;

    private WaSimulator simulator;
    private final InMemoryCredentialsStore credentials = new InMemoryCredentialsStore();
    private final InMemoryPreKeyStore preKeys = new InMemoryPreKeyStore();
    private final RecordingClientListener events = new RecordingClientListener();
    private WaClient client;

    @BeforeAll
    static void sharedResources() {
        httpClient = HttpClient.newHttpClient();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void releaseSharedResources() {
        scheduler.shutdownNow();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.disconnect();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private WaClient start(SimulatorConfig simulatorConfig, Duration firstQr, Duration nextQr) {
        simulator = WaSimulator.start(simulatorConfig);
        simulator.createAccount(PHONE);
        // a short keep-alive: the simulator's drop() closes its channel from a test thread, and Java NIO defers
        // closing a channel registered with an idle selector, so the client sees the loss once it sends
        TransportOptions transport = SimulatorLinking.quickTransport();
        ClientConfig config = SimulatorLinking.config(simulator)
                .withQrLifetimes(firstQr, nextQr)
                .withPreKeyBatches(5, 30, 10);
        client = new WaClient(new WaConnector(httpClient, scheduler, transport), scheduler, config, credentials,
                preKeys, events);
        return client;
    }

    private WaClient start() {
        return start(SimulatorConfig.defaults(), Duration.ofSeconds(60), Duration.ofSeconds(20));
    }

    /** QR scan → Paired → 515 → reconnect → LoggedIn. */
    private LoggedIn linkByQr() throws Exception {
        client.connect().get(10, TimeUnit.SECONDS);
        QrCode qr = events.next(QrCode.class, WAIT);
        PairingAttempt attempt = simulator.scanQr(PHONE, qr.data());
        Paired paired = events.next(Paired.class, WAIT);
        assertEquals(Jid.of(PHONE, attempt.await(WAIT).deviceId(), Jid.USER_SERVER), paired.phoneNumber());
        Disconnected restart = events.next(Disconnected.class, WAIT);
        assertEquals(Kind.RESTART_REQUIRED, restart.reason().kind());
        assertEquals(Reconnect.NOW, restart.reason().reconnect());
        client.connect().get(10, TimeUnit.SECONDS);
        return events.next(LoggedIn.class, WAIT);
    }

    @Test
    void qrLinkRestartAndLoginWithPnAndLid() throws Exception {
        start(SimulatorConfig.defaults().withPreKeyCountFloor(0), Duration.ofSeconds(60), Duration.ofSeconds(20));
        LoggedIn loggedIn = linkByQr();

        DeviceCredentials stored = credentials.load().orElseThrow();
        assertTrue(stored.isRegistered());
        assertEquals(stored.me().phoneNumber(), loggedIn.phoneNumber());
        assertEquals(PHONE, loggedIn.phoneNumber().user());
        assertTrue(loggedIn.lid().isLid());
        assertEquals(simulator.account(PHONE).lidJid(loggedIn.phoneNumber().device()), loggedIn.lid().toString());
        assertEquals("android", stored.platform());
        assertTrue(client.isLoggedIn());

        // the server verified our device signature and holds our identity and the uploaded pre-keys
        RegisteredDevice device = simulator.account(PHONE).device(loggedIn.phoneNumber().device()).orElseThrow();
        assertArrayEquals(stored.identityKey().publicKey(), device.identityKey());
        assertEquals(stored.registrationId(), device.registrationId());
        assertEquals(30, device.preKeys().count());
        assertEquals(30, preKeys.size());
        assertEquals(31, stored.nextPreKeyId());
        assertEquals(31, stored.firstUnuploadedPreKeyId());
    }

    @Test
    void qrCodesRotateThroughEveryRefThenQrTimeout() throws Exception {
        start(SimulatorConfig.defaults(), Duration.ofMillis(300), Duration.ofMillis(100));
        long started = System.nanoTime();
        client.connect().get(10, TimeUnit.SECONDS);
        SimConnection connection = simulator.awaitConnection(c -> c.payload().isPresent(), WAIT).orElseThrow();
        assertTrue(connection.payload().orElseThrow().isRegistration());

        DeviceCredentials creds = credentials.load().orElseThrow();
        Base64.Encoder b64 = Base64.getEncoder();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String qr = events.next(QrCode.class, WAIT).data();
            assertTrue(qr.startsWith(QrCodeData.PREFIX), qr);
            String[] fields = qr.substring(QrCodeData.PREFIX.length()).split(",");
            assertEquals(5, fields.length);
            refs.add(fields[0]);
            assertEquals(b64.encodeToString(creds.noiseKey().publicKey()), fields[1]);
            assertEquals(b64.encodeToString(creds.identityKey().publicKey()), fields[2]);
            assertEquals(b64.encodeToString(creds.advSecret()), fields[3]);
            assertEquals("1", fields[4]);
        }
        assertEquals(Set.copyOf(connection.pairingRefs()), refs);
        Disconnected timeout = events.next(Disconnected.class, WAIT);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(Kind.QR_TIMEOUT, timeout.reason().kind());
        assertEquals("qr-timeout", timeout.reason().name());
        assertFalse(timeout.reason().shouldReconnect());
        assertTrue(elapsedMs >= 800, "300 ms + 5 × 100 ms, took " + elapsedMs);
        assertFalse(client.isConnected());
    }

    @Test
    void pairingCodeLinkWithAReplacedCode() throws Exception {
        start();
        client.connectWithPairingCode(PHONE).get(10, TimeUnit.SECONDS);
        String first = events.next(PairingCode.class, WAIT).code();
        String second = client.requestNewPairingCode().get(10, TimeUnit.SECONDS);
        assertEquals(second, events.next(PairingCode.class, WAIT).code());
        assertNotEquals(first, second);
        assertEquals(8, second.length());

        PairingAttempt attempt = simulator.enterPairingCode(PHONE, second);
        Paired paired = events.next(Paired.class, WAIT);
        assertEquals(attempt.await(WAIT).deviceId(), paired.phoneNumber().device());
        assertEquals(Kind.RESTART_REQUIRED, events.next(Disconnected.class, WAIT).reason().kind());
        client.connect().get(10, TimeUnit.SECONDS);
        LoggedIn loggedIn = events.next(LoggedIn.class, WAIT);
        assertEquals(paired.phoneNumber(), loggedIn.phoneNumber());
        assertTrue(loggedIn.lid().isLid());
    }

    @Test
    void aMistypedCodeLeavesTheCodeValid() throws Exception {
        start();
        client.connectWithPairingCode(PHONE).get(10, TimeUnit.SECONDS);
        String code = events.next(PairingCode.class, WAIT).code();
        String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        PairingAttempt mistyped = simulator.enterPairingCode(PHONE, wrong);
        assertThrows(LinkRejectedException.class, () -> mistyped.await(WAIT));
        assertTrue(client.isConnected());

        simulator.enterPairingCode(PHONE, code);
        events.next(Paired.class, WAIT);
        assertEquals(Kind.RESTART_REQUIRED, events.next(Disconnected.class, WAIT).reason().kind());
    }

    @Test
    void qrWithAnotherAdvSecretIsRefusedWithHmacMismatch() throws Exception {
        start();
        client.connect().get(10, TimeUnit.SECONDS);
        String qr = events.next(QrCode.class, WAIT).data();
        String[] fields = qr.substring(QrCodeData.PREFIX.length()).split(",");
        fields[3] = Base64.getEncoder().encodeToString(new byte[32]);
        PairingAttempt attempt = simulator.scanQr(PHONE, QrCodeData.PREFIX + String.join(",", fields));

        Disconnected refused = events.await(Disconnected.class, WAIT);
        assertEquals(Kind.PAIRING_FAILED, refused.reason().kind());
        assertEquals(401, refused.reason().code());
        assertFalse(refused.reason().shouldReconnect());
        Node error = simulator.awaitStanza(s -> s.isInbound() && s.isIq("error"), WAIT).orElseThrow().node();
        Node errorChild = error.child("error").orElseThrow();
        assertEquals("401", errorChild.attr("code"));
        assertEquals("hmac-mismatch", errorChild.attr("text"));
        assertFalse(credentials.load().orElseThrow().isRegistered());
        assertTrue(attempt.state() != PairingAttempt.State.LINKED);
    }

    @Test
    void unlinkByThePhoneIsLoggedOutWithoutReconnect() throws Exception {
        start();
        LoggedIn loggedIn = linkByQr();
        simulator.unlink(PHONE, loggedIn.phoneNumber().device());
        Disconnected out = events.await(Disconnected.class, WAIT);
        assertEquals(Kind.LOGGED_OUT, out.reason().kind());
        assertTrue(out.reason().isLoggedOut());
        assertFalse(out.reason().shouldReconnect());

        // the old credentials no longer log in: failure 401
        client.connect().get(10, TimeUnit.SECONDS);
        Disconnected again = events.await(Disconnected.class, WAIT);
        assertEquals(Kind.LOGGED_OUT, again.reason().kind());
        assertEquals(401, again.reason().code());
    }

    @Test
    void ownLogoutEndsLoggedOut() throws Exception {
        start();
        linkByQr();
        client.logout().get(10, TimeUnit.SECONDS);
        assertEquals(Kind.LOGGED_OUT, events.await(Disconnected.class, WAIT).reason().kind());
    }

    @Test
    void anotherLoginReplacesUs() throws Exception {
        start();
        LoggedIn loggedIn = linkByQr();
        assertTrue(simulator.kickDuplicate(PHONE, loggedIn.phoneNumber().device()).isPresent());
        Disconnected replaced = events.await(Disconnected.class, WAIT);
        assertEquals(Kind.REPLACED, replaced.reason().kind());
        assertEquals(440, replaced.reason().code());
        assertFalse(replaced.reason().shouldReconnect());
    }

    @Test
    void droppedConnectionIsRetryableAndTheNextLoginWorks() throws Exception {
        start();
        LoggedIn loggedIn = linkByQr();
        SimConnection online = simulator.onlineConnection(PHONE, loggedIn.phoneNumber().device()).orElseThrow();
        simulator.drop(online.id());
        Disconnected lost = events.await(Disconnected.class, WAIT);
        assertEquals(Kind.CONNECTION_LOST, lost.reason().kind());
        assertEquals(Reconnect.WITH_BACKOFF, lost.reason().reconnect());
        assertTrue(lost.reason().shouldReconnect());

        client.connect().get(10, TimeUnit.SECONDS);
        assertEquals(loggedIn, events.await(LoggedIn.class, WAIT));
    }

    @Test
    void pushedNotificationsAreAcked() throws Exception {
        start();
        LoggedIn loggedIn = linkByQr();
        SimConnection online = simulator.onlineConnection(PHONE, loggedIn.phoneNumber().device()).orElseThrow();
        online.send(Node.builder("notification").attr("from", "@s.whatsapp.net").attr("type", "server_sync")
                .attr("id", "N-test").attr("t", "1").build());
        Node ack = simulator.awaitStanza(s -> s.isInbound() && "ack".equals(s.node().tag())
                && "N-test".equals(s.node().attr("id")), WAIT).orElseThrow().node();
        assertEquals("notification", ack.attr("class"));
        assertEquals("server_sync", ack.attr("type"));
        assertEquals("@s.whatsapp.net", ack.attr("to"));
        assertNull(ack.attr("from"));
        assertEquals(List.of(), ack.children());
    }
}
