package app.statustracker.wa.client;

import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.StatusReceipt;
import app.statustracker.wa.status.StatusRejectedException;
import app.statustracker.wa.status.TextStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.SimulatorConfig;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.relay.AckFault;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.ClientEvent.LoggedIn;
import app.statustracker.wa.status.MessageAck;
import app.statustracker.wa.status.StatusReceipt.Kind;
import app.statustracker.wa.transport.ConnectionClosedException;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status paths of a linked WaClient over the real transport against the in-JVM simulator: receipts reach the
 * listener unacked until the application acks them (docs/protocol.md, Receipts), server message acks are matched to
 * what we sent (docs/protocol.md, Status stanza), and a post goes out as a usync query. The simulator on this branch
 * does not yet answer usync, pre-key fetches or status messages, so the full post runs against a scripted server in
 * {@code StatusSenderTest}; here the server's pushes are played from the test through the simulator's connection.
 */
class WaClientStatusSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PHONE = "15551234567";
    private static HttpClient httpClient;
    private static ScheduledExecutorService scheduler;

    private WaSimulator simulator;
    private final InMemoryCredentialsStore credentials = new InMemoryCredentialsStore();
    private final RecordingClientListener events = new RecordingClientListener();
    private WaClient client;
    private SimConnection server;

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
    void linkedClient() throws Exception {
        simulator = WaSimulator.start(SimulatorConfig.defaults());
        simulator.createAccount(PHONE);
        TransportOptions transport = SimulatorLinking.quickTransport();
        ClientConfig config = SimulatorLinking.config(simulator)
                .withPreKeyBatches(5, 10, 5)
                .withStatusAckTimeout(Duration.ofSeconds(3));
        StatusStores stores = StatusStores.inMemory();
        client = new WaClient(new WaConnector(httpClient, scheduler, transport), scheduler, config, credentials,
                new InMemoryPreKeyStore(), stores, events);
        LoggedIn in = SimulatorLinking.linkByQr(client, simulator, PHONE, events, WAIT);
        server = simulator.onlineConnection(PHONE, in.phoneNumber().device()).orElseThrow();
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

    @Test
    void aDevicesNotificationMakesTheNextPostReachAContactsNewDevice() throws Exception {
        String contact = "15557654321";
        simulator.createAccount(contact);
        simulator.addVirtualCompanions(contact, 1, 3);
        client.postStatus(TextStatus.plain("one"), List.of(contact)).get(10, TimeUnit.SECONDS);
        long before = simulator.journal().lastSequence();

        int added = simulator.addVirtualCompanions(contact, 1, 3).get(0).deviceId();
        // the client acks the notification once it has dropped the contact's cached device list
        assertTrue(simulator.awaitStanza(seen -> seen.sequence() > before && seen.isInbound()
                && "ack".equals(seen.node().tag()) && "notification".equals(seen.node().attr("class")), WAIT)
                .isPresent(), "the devices notification was acked");
        PostedStatus second = client.postStatus(TextStatus.plain("two"), List.of(contact)).get(10, TimeUnit.SECONDS);

        assertTrue(simulator.journal().since(before).stream().anyMatch(seen -> seen.isInbound()
                && "usync".equals(seen.node().attr("xmlns"))), "the contact's devices were asked for again");
        RelayedMessage relayed = simulator.awaitRelayedMessage(second.messageId(), WAIT).orElseThrow();
        DeviceAddress newDevice = new DeviceAddress(contact, added);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (relayed.deliveries().stream().noneMatch(d -> d.device().equals(newDevice))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("pkmsg"), relayed.deliveries().stream().filter(d -> d.device().equals(newDevice))
                .map(RelayedMessage.Delivery::encType).toList(), "the new device got the status with the sender key");
    }

    @Test
    void statusReceiptsWaitForTheApplicationsAck() throws Exception {
        long before = simulator.journal().lastSequence();
        server.send(Node.builder("receipt").attr("from", "status@broadcast").attr("participant", "100000000000007@lid")
                .attr("participant_pn", "15550000007@s.whatsapp.net").attr("id", "3EB0AAA").attr("t", "1700000000")
                .attr("type", "read")
                .children(Node.builder("list").children(Node.builder("item").attr("id", "3EB0BBB").build()).build())
                .build());
        ClientEvent.StatusReceipts arrived = events.await(ClientEvent.StatusReceipts.class, WAIT);
        Instant t = Instant.ofEpochSecond(1700000000L);
        Jid viewer = Jid.of("100000000000007", Jid.LID_SERVER);
        Optional<Jid> pn = Optional.of(Jid.of("15550000007", Jid.USER_SERVER));
        assertEquals(List.of(new StatusReceipt("3EB0AAA", viewer, pn, Kind.READ, t),
                new StatusReceipt("3EB0BBB", viewer, pn, Kind.READ, t)), arrived.receipts());

        Predicate<SeenStanza> receiptAck = seen -> seen.sequence() > before && seen.isInbound()
                && "ack".equals(seen.node().tag()) && "3EB0AAA".equals(seen.node().attr("id"));
        assertTrue(simulator.awaitStanza(receiptAck, Duration.ofMillis(500)).isEmpty(), "not acked before the commit");

        arrived.ackAfterCommit().run();
        arrived.ackAfterCommit().run();
        Node ack = simulator.awaitStanza(receiptAck, WAIT).orElseThrow().node();
        assertEquals(Node.builder("ack").attr("class", "receipt").attr("id", "3EB0AAA").attr("to", "status@broadcast")
                .attr("participant", "100000000000007@lid").attr("type", "read").build(), ack);
        Thread.sleep(200);
        assertEquals(1, simulator.journal().since(before).stream().filter(receiptAck).count(), "acked once");
    }

    @Test
    void otherReceiptsAreAckedAtOnceWithoutAnEvent() throws Exception {
        long before = simulator.journal().lastSequence();
        server.send(Node.builder("receipt").attr("from", "15550000009@s.whatsapp.net").attr("id", "R1")
                .attr("type", "read").build());
        server.send(Node.builder("receipt").attr("from", "status@broadcast").attr("participant", "100000000000007:2@lid")
                .attr("id", "3EB0CCC").attr("type", "retry")
                .children(Node.builder("retry").attr("count", "1").attr("id", "3EB0CCC").build()).build());
        for (String id : List.of("R1", "3EB0CCC")) {
            assertTrue(simulator.awaitStanza(seen -> seen.sequence() > before && seen.isInbound()
                    && "ack".equals(seen.node().tag()) && id.equals(seen.node().attr("id")), WAIT).isPresent(), id);
        }
        assertNull(events.poll(Duration.ofMillis(200)));
    }

    @Test
    void messageAcksAreMatchedByIdWithTimeAndError() throws Exception {
        simulator.faultMessageAcks(PHONE, AckFault.drop(), 2); // the test plays the server's acks itself
        CompletableFuture<MessageAck> accepted = client.statusChannel().sendMessage(message("3EB0M1"), WAIT);
        CompletableFuture<MessageAck> refused = client.statusChannel().sendMessage(message("3EB0M2"), WAIT);
        awaitInboundMessage("3EB0M2");
        server.send(ack("3EB0M2", "479"));
        server.send(ack("3EB0M1", null));
        MessageAck ok = accepted.get(10, TimeUnit.SECONDS);
        assertEquals(Optional.of(Instant.ofEpochSecond(1700000123L)), ok.serverTime());
        assertTrue(!ok.isError());
        assertEquals(Optional.of("479"), refused.get(10, TimeUnit.SECONDS).error());
    }

    @Test
    void aMissingAckTimesOutAndAClosedConnectionFailsTheWait() throws Exception {
        simulator.faultMessageAcks(PHONE, AckFault.drop(), 2);
        CompletableFuture<MessageAck> silent = client.statusChannel().sendMessage(message("3EB0T1"),
                Duration.ofMillis(300));
        ExecutionException timeout = assertThrows(ExecutionException.class, () -> silent.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, timeout.getCause());

        CompletableFuture<MessageAck> pending = client.statusChannel().sendMessage(message("3EB0T2"), WAIT);
        awaitInboundMessage("3EB0T2");
        client.disconnect();
        ExecutionException closed = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionClosedException.class, closed.getCause());
    }

    @Test
    void aPostStartsWithOneUsyncForTheAudienceAndOurOwnLid() throws Exception {
        long before = simulator.journal().lastSequence();
        CompletableFuture<PostedStatus> post = client.postStatus(TextStatus.plain("hi"), List.of("15550000002"));
        // the simulator on this branch answers usync with an empty result, which cannot resolve anyone
        ExecutionException e = assertThrows(ExecutionException.class, () -> post.get(10, TimeUnit.SECONDS));
        assertInstanceOf(StatusRejectedException.class, e.getCause());
        Node usync = simulator.awaitStanza(seen -> seen.sequence() > before && seen.isInbound()
                && "usync".equals(seen.node().attr("xmlns")), WAIT).orElseThrow().node();
        Jid ownLid = credentials.load().orElseThrow().me().lid().withoutDevice();
        assertEquals(List.of("15550000002@s.whatsapp.net", ownLid.toString()),
                usync.child("usync").orElseThrow().child("list").orElseThrow().children("user").stream()
                        .map(user -> user.attr("jid")).toList());
        assertTrue(simulator.journal().since(before).stream()
                .noneMatch(seen -> seen.isInbound() && "message".equals(seen.node().tag())), "nothing was posted");
    }

    @Test
    void postingNeedsALoginAndStores() throws Exception {
        client.disconnect();
        events.await(ClientEvent.Disconnected.class, WAIT);
        ExecutionException offline = assertThrows(ExecutionException.class,
                () -> client.postStatus(TextStatus.plain("x"), List.of("15550000002")).get(1, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, offline.getCause());

        WaClient withoutStores = new WaClient(new WaConnector(httpClient, scheduler, TransportOptions.defaults()),
                scheduler, SimulatorLinking.config(simulator),
                credentials, new InMemoryPreKeyStore(), events);
        ExecutionException noStores = assertThrows(ExecutionException.class,
                () -> withoutStores.revokeStatus("3EB0X", List.of("15550000002")).get(1, TimeUnit.SECONDS));
        assertTrue(noStores.getCause().getMessage().contains("status stores"));
    }

    private void awaitInboundMessage(String id) {
        assertTrue(simulator.awaitStanza(seen -> seen.isInbound() && "message".equals(seen.node().tag())
                && id.equals(seen.node().attr("id")), WAIT).isPresent(), "message " + id + " reached the server");
    }

    private static Node message(String id) {
        return Node.builder("message").attr("to", "status@broadcast").attr("id", id).attr("type", "text")
                .children(Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(new byte[] {1, 2, 3}).build())
                .build();
    }

    private static Node ack(String id, String error) {
        var ack = Node.builder("ack").attr("class", "message").attr("id", id).attr("from", "status@broadcast")
                .attr("t", "1700000123");
        if (error != null) {
            ack.attr("error", error);
        }
        return ack.build();
    }
}
