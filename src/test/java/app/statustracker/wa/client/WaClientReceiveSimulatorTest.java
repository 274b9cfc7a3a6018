package app.statustracker.wa.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.SimulatorConfig;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.testing.SignalPeer;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.ClientEvent.LoggedIn;
import app.statustracker.wa.client.ClientEvent.MessageReceived;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.EncryptedSignalMessage;
import app.statustracker.wa.signal.InMemoryIdentityKeyStore;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.InMemorySignalSessionStore;
import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.PreKeyBundle;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SignalSessions;
import app.statustracker.wa.signal.SignedPreKey;
import app.statustracker.wa.status.InMemoryLidMappingStore;
import app.statustracker.wa.status.InMemoryRecentStatuses;
import app.statustracker.wa.status.InMemorySenderKeyHolders;
import app.statustracker.wa.status.SentStatus;
import app.statustracker.wa.status.SignalStatusEncryption;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receive side of a linked WaClient over the real transport against the in-JVM simulator: a contact's status
 * (made by a pure-Java Signal peer) is decrypted and reported, a message that cannot be decrypted gets a retry
 * receipt whose keys let the sender re-send it, and a viewer's retry receipt for our status is answered with the
 * status again, pairwise with {@code count}. The simulator on this branch does not fan messages out, so the server's
 * pushes are played from the test through its connection.
 */
class WaClientReceiveSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PHONE = "15551234567";
    private static HttpClient httpClient;
    private static ScheduledExecutorService scheduler;

    private WaSimulator simulator;
    private final InMemoryCredentialsStore credentials = new InMemoryCredentialsStore();
    private final InMemoryPreKeyStore preKeys = new InMemoryPreKeyStore();
    private final InMemorySenderKeyStore senderKeys = new InMemorySenderKeyStore();
    private final InMemoryRecentStatuses recent = new InMemoryRecentStatuses();
    private final RecordingClientListener events = new RecordingClientListener();
    private WaClient client;
    private SimConnection server;
    private DeviceCredentials us;

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
        StatusStores stores = new StatusStores(new InMemorySignalSessionStore(), new InMemoryIdentityKeyStore(),
                senderKeys, new InMemoryLidMappingStore(), new InMemorySenderKeyHolders(), recent);
        client = new WaClient(new WaConnector(httpClient, scheduler, transport), scheduler, config, credentials,
                preKeys, stores, events);
        LoggedIn in = SimulatorLinking.linkByQr(client, simulator, PHONE, events, WAIT);
        server = simulator.onlineConnection(PHONE, in.phoneNumber().device()).orElseThrow();
        us = credentials.load().orElseThrow();
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
    void aContactsStatusIsDecryptedReportedAndAckedAndTheNextNeedsOnlyTheSkmsg() throws Exception {
        SignalPeer contact = new SignalPeer(Jid.of("100000000000009", 3, Jid.LID_SERVER));
        PreKey oneTime = PreKey.generate(900);
        preKeys.store(List.of(oneTime));
        contact.startSessionWith(ourLid(), ourBundle(OptionalInt.of(900), oneTime.keyPair().publicKey()));

        long before = simulator.journal().lastSequence();
        server.send(contact.statusStanza(ourLid(), "3EB0C1", text("my first status"), true));
        MessageReceived first = events.await(MessageReceived.class, WAIT);
        assertEquals(Jid.STATUS_BROADCAST, first.chat());
        assertEquals(contact.device, first.sender());
        assertEquals("3EB0C1", first.id());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), first.timestamp());
        assertEquals("my first status", first.message().getExtendedTextMessage().getText());
        Node ack = awaitInbound(before, node -> "ack".equals(node.tag()) && "3EB0C1".equals(node.attr("id")));
        assertEquals(Node.builder("ack").attr("class", "message").attr("id", "3EB0C1").attr("to", "status@broadcast")
                .attr("participant", contact.device.toString()).attr("from", us.me().phoneNumber().toString()).build(), ack);
        assertTrue(preKeys.load(900).isEmpty(), "the used one-time pre-key is removed from the store");

        server.send(contact.statusStanza(ourLid(), "3EB0C2", text("and another"), false));
        assertEquals("and another", events.await(MessageReceived.class, WAIT).message().getExtendedTextMessage().getText());
    }

    @Test
    void anUndecryptableMessageGetsARetryReceiptWhoseKeysLetTheSenderResendIt() throws Exception {
        SignalPeer contact = new SignalPeer(Jid.of("100000000000011", 2, Jid.LID_SERVER));
        contact.statusSenderKeyCarrier();
        long before = simulator.journal().lastSequence();
        Node lost = contact.statusStanza(ourLid(), "3EB0L1", text("you missed my key"), false);
        server.send(lost);

        Node retry = awaitInbound(before, node -> "receipt".equals(node.tag()) && "retry".equals(node.attr("type")));
        assertEquals("status@broadcast", retry.attr("to"));
        assertEquals(contact.device.toString(), retry.attr("participant"));
        assertEquals("3EB0L1", retry.attr("id"));
        Node retryChild = retry.child("retry").orElseThrow();
        assertEquals(List.of("1", "3EB0L1", "1700000000", "1"), List.of(retryChild.attr("count"), retryChild.attr("id"),
                retryChild.attr("t"), retryChild.attr("v")));
        assertArrayEquals(SignalPeer.bigEndian(us.registrationId(), 4),
                retry.child("registration").orElseThrow().contentBytes());
        awaitInbound(before, node -> "ack".equals(node.tag()) && "3EB0L1".equals(node.attr("id")));

        // only an skmsg and no session: our keys come with the first retry; they are ours and usable
        // (docs/protocol.md, Retries)
        Node keys = retry.child("keys").orElseThrow();
        assertArrayEquals(us.identityKey().publicKey(), keys.child("identity").orElseThrow().contentBytes());
        assertArrayEquals(us.account(), keys.child("device-identity").orElseThrow().contentBytes());
        Node skey = keys.child("skey").orElseThrow();
        assertTrue(XEdDsa.verify(us.identityKey().publicKey(),
                Curve25519.withTypePrefix(skey.child("value").orElseThrow().contentBytes()),
                skey.child("signature").orElseThrow().contentBytes()));
        int preKeyId = unsigned(keys.child("key").orElseThrow().child("id").orElseThrow().contentBytes());
        assertTrue(preKeys.load(preKeyId).isPresent(), "the fresh one-time pre-key is stored");
        contact.startSessionWith(ourLid(), ourBundle(OptionalInt.of(preKeyId),
                keys.child("key").orElseThrow().child("value").orElseThrow().contentBytes()));

        // the sender re-sends pairwise, the SKDM with the content, marked with the retry count
        Message resentContent = text("you missed my key").toBuilder()
                .mergeFrom(contact.statusSenderKeyCarrier()).build();
        EncryptedSignalMessage pairwise = contact.encryptFor(ourLid(), resentContent);
        server.send(Node.builder("message").attr("from", "status@broadcast").attr("participant", contact.device)
                .attr("id", "3EB0L1").attr("type", "text").attr("t", "1700000000")
                .children(Node.builder("enc").attr("v", "2").attr("type", pairwise.type().encType()).attr("count", "1")
                        .bytes(pairwise.serialized()).build()).build());
        MessageReceived recovered = events.await(MessageReceived.class, WAIT);
        assertEquals("3EB0L1", recovered.id());
        assertEquals("you missed my key", recovered.message().getExtendedTextMessage().getText());
        assertTrue(preKeys.load(preKeyId).isEmpty());
    }

    @Test
    void aViewersRetryReceiptForOurStatusIsAnsweredPairwiseWithCountAndAckedAfter() throws Exception {
        Jid ourLid = ourLid();
        SignalStatusEncryption ourKey = new SignalStatusEncryption(new SignalSessions(
                new SessionCipher(us.signalIdentity()), new InMemorySignalSessionStore(), new InMemoryIdentityKeyStore(),
                preKeys), senderKeys, ourLid);
        int keyId = ourKey.currentSenderKey().keyId();
        SignalPeer viewer = new SignalPeer(Jid.of("100000000000021", 4, Jid.LID_SERVER));
        Message status = text("our status");
        recent.remember(new SentStatus("3EB0OURS", status.toByteArray(), false, keyId,
                Set.of(viewer.device.withoutDevice(), ourLid.withoutDevice()), Instant.now()));

        long before = simulator.journal().lastSequence();
        List<Node> children = new ArrayList<>();
        children.add(Node.builder("retry").attr("count", "1").attr("id", "3EB0OURS").attr("t", "1700000000")
                .attr("v", "1").build());
        children.addAll(viewer.retryKeyNodes(new byte[] {1, 2}));
        server.send(Node.builder("receipt").attr("from", "status@broadcast").attr("participant", viewer.device)
                .attr("id", "3EB0OURS").attr("type", "retry").children(children).build());

        Node resent = awaitInbound(before, node -> "message".equals(node.tag()) && "3EB0OURS".equals(node.attr("id")));
        assertEquals("status@broadcast", resent.attr("to"));
        assertEquals(viewer.device.toString(), resent.attr("participant"));
        assertEquals("text", resent.attr("type"));
        Node enc = resent.child("enc").orElseThrow();
        assertEquals(List.of("2", "pkmsg", "1"), List.of(enc.attr("v"), enc.attr("type"), enc.attr("count")));
        assertArrayEquals(us.account(), resent.child("device-identity").orElseThrow().contentBytes());
        Message opened = viewer.openPairwise(ourLid, enc.attr("type"), enc.contentBytes());
        assertEquals(status, opened.toBuilder().clearSenderKeyDistributionMessage().build());
        assertTrue(opened.hasSenderKeyDistributionMessage(), "our unchanged sender key rides along");

        Predicate<Node> receiptAck = node -> "ack".equals(node.tag()) && "receipt".equals(node.attr("class"))
                && "3EB0OURS".equals(node.attr("id"));
        server.send(Node.builder("ack").attr("class", "message").attr("id", "3EB0OURS").attr("from", "status@broadcast")
                .attr("t", "1700000100").build());
        Node ack = awaitInbound(before, receiptAck);
        assertEquals("retry", ack.attr("type"));
        assertEquals(viewer.device.toString(), ack.attr("participant"));
    }

    private Jid ourLid() {
        return us.me().lid();
    }

    private PreKeyBundle ourBundle(OptionalInt preKeyId, byte[] preKey) {
        SignedPreKey signed = us.signedPreKey();
        return new PreKeyBundle(us.registrationId(), us.identityKey().publicKey(), signed.id(),
                signed.keyPair().publicKey(), signed.signature(), preKeyId, preKey);
    }

    private Node awaitInbound(long after, Predicate<Node> matches) {
        return simulator.awaitStanza((SeenStanza seen) -> seen.sequence() > after && seen.isInbound()
                && matches.test(seen.node()), WAIT).orElseThrow(() -> new AssertionError("no such stanza from the client"))
                .node();
    }

    private static Message text(String text) {
        return Message.newBuilder().setExtendedTextMessage(Message.ExtendedTextMessage.newBuilder().setText(text))
                .build();
    }

    private static int unsigned(byte[] bytes) {
        int value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
