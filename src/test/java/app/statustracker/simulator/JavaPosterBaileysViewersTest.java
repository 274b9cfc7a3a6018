package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.BaileysContacts.Contact;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.wa.client.ClientConfig;
import app.statustracker.wa.client.ClientEvent;
import app.statustracker.wa.client.InMemoryCredentialsStore;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.client.StatusStores;
import app.statustracker.wa.client.WaClient;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.status.LinkPreview;
import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.StatusReceipt;
import app.statustracker.wa.status.TextStatus;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's core loop at protocol level: our Java client posts statuses through the simulator, real Baileys
 * contacts decrypt them to exactly what was sent and mark them read, and the read receipts come back to our client
 * (docs/protocol.md, Status stanza, Receipts, Text and link statuses and Revoke). Baileys is the independent judge of
 * our Signal sessions and sender keys.
 */
class JavaPosterBaileysViewersTest extends BaileysAgainstSimulator {
    private static final String POSTER = "15550004001";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final BlockingQueue<ClientEvent> EVENTS = new LinkedBlockingQueue<>();
    private static ScheduledExecutorService scheduler;
    private static WaClient client;
    private static BaileysContacts contacts;
    private static Contact bob;
    private static Contact carol;

    @BeforeAll
    static void linkEveryone() throws Exception {
        contacts = new BaileysContacts(baileys, simulator, linking);
        bob = contacts.link("Bob", "15550004002");
        carol = contacts.link("Carol", "15550004003");

        simulator.createAccount(POSTER);
        scheduler = Executors.newScheduledThreadPool(2);
        ClientConfig config = ClientConfig.defaults(simulator.wsUrl(),
                        new CertificateChainVerifier(simulator.rootPublicKey(), 0, Clock.systemUTC()))
                .withPreKeyBatches(5, 10, 5).withStatusAckTimeout(Duration.ofSeconds(10));
        client = new WaClient(new WaConnector(HttpClient.newHttpClient(), scheduler, TransportOptions.defaults()),
                scheduler, config, new InMemoryCredentialsStore(), new InMemoryPreKeyStore(), StatusStores.inMemory(),
                EVENTS::add);
        client.connect().get(10, TimeUnit.SECONDS);
        simulator.scanQr(POSTER, next(ClientEvent.QrCode.class).data());
        next(ClientEvent.Disconnected.class);
        client.connect().get(10, TimeUnit.SECONDS);
        next(ClientEvent.LoggedIn.class);
    }

    @AfterAll
    static void stopClient() {
        if (client != null) {
            client.disconnect();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static <T extends ClientEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ClientEvent event = EVENTS.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }

    private static JsonObject received(Contact viewer, String id) {
        return contacts.awaitOne(viewer, "received", Map.of("key.id", id));
    }

    @Test
    void textStatusesReachBothContactsExactlyAndTheirReadsComeBack() throws Exception {
        String text = "Good morning ☀️ " + "x".repeat(684); // 700 code points, emoji included
        assertEquals(700, text.codePointCount(0, text.length()));
        TextStatus status = new TextStatus(text, 0xFF1E6E4F, 0xFFFFFFFF, 2, null);
        PostedStatus first = client.postStatus(status, List.of(bob.phone(), carol.phone())).get(30, TimeUnit.SECONDS);
        assertEquals(Set.of(bob.phone(), carol.phone()), first.recipients().stream()
                .map(PostedStatus.Recipient::phoneNumber).filter(p -> !p.equals(POSTER)).collect(Collectors.toSet()));

        for (Contact viewer : List.of(bob, carol)) {
            JsonObject message = received(viewer, first.messageId()).getJsonObject("message");
            JsonObject extended = message.getJsonObject("extendedTextMessage");
            assertEquals(text, extended.getString("text"));
            assertEquals(0xFF1E6E4FL, extended.getJsonNumber("backgroundArgb").longValue());
            assertEquals(0xFFFFFFFFL, extended.getJsonNumber("textArgb").longValue());
            assertEquals(2, extended.getInt("font"));
            assertTrue(message.containsKey("senderKeyDistributionMessage"), "the first post carries our sender key");
        }
        RelayedMessage relayed = simulator.relayedMessage(first.messageId());
        assertEquals(null, relayed.ackError());

        // the second post: the contacts already hold our sender key, so only the skmsg reaches them
        PostedStatus second = client.postStatus(TextStatus.plain("second 👀"), List.of(bob.phone(), carol.phone()))
                .get(30, TimeUnit.SECONDS);
        for (Contact viewer : List.of(bob, carol)) {
            JsonObject message = received(viewer, second.messageId()).getJsonObject("message");
            assertEquals("second 👀", message.getJsonObject("extendedTextMessage").getString("text"));
        }
        assertTrue(simulator.relayedMessage(second.messageId()).deliveries().stream()
                .noneMatch(d -> d.encType() != null && !d.encType().isEmpty()
                        && (d.device().phoneNumber().equals(bob.phone()) || d.device().phoneNumber().equals(carol.phone()))),
                "no pairwise part for devices that hold the key: " + simulator.relayedMessage(second.messageId()));

        for (Contact viewer : List.of(bob, carol)) {
            contacts.readStatuses(viewer, received(viewer, first.messageId()).getJsonObject("key"));
        }
        List<StatusReceipt> reads = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (reads.stream().map(StatusReceipt::viewer).distinct().count() < 2 && System.nanoTime() < deadline) {
            ClientEvent.StatusReceipts event = next(ClientEvent.StatusReceipts.class);
            event.receipts().stream().filter(r -> r.kind() == StatusReceipt.Kind.READ
                    && r.statusId().equals(first.messageId())).forEach(reads::add);
            event.ackAfterCommit().run();
        }
        assertEquals(Set.of(bob.lidUser(), carol.lidUser()),
                reads.stream().map(r -> r.viewer().toString()).collect(Collectors.toSet()));
    }

    @Test
    void aLinkStatusCarriesItsPreviewAndARevokeDeletesItForEveryone() throws Exception {
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
        LinkPreview preview = new LinkPreview("https://example.org/news", "News", "What happened today", thumbnail);
        TextStatus link = new TextStatus("Read this https://example.org/news", null, null, null, preview);
        PostedStatus posted = client.postStatus(link, List.of(bob.phone(), carol.phone())).get(30, TimeUnit.SECONDS);
        for (Contact viewer : List.of(bob, carol)) {
            JsonObject extended = received(viewer, posted.messageId()).getJsonObject("message")
                    .getJsonObject("extendedTextMessage");
            assertEquals("Read this https://example.org/news", extended.getString("text"));
            assertEquals("https://example.org/news", extended.getString("matchedText"));
            assertEquals("News", extended.getString("title"));
            assertEquals("What happened today", extended.getString("description"));
            assertArrayEquals(thumbnail, Base64.getDecoder().decode(extended.getString("jpegThumbnail")));
        }

        client.revokeStatus(posted.messageId(), List.of(bob.phone(), carol.phone())).get(30, TimeUnit.SECONDS);
        for (Contact viewer : List.of(bob, carol)) {
            JsonObject update = contacts.awaitOne(viewer, "updates", Map.of("key.id", posted.messageId()));
            assertEquals(1, update.getJsonObject("update").getInt("messageStubType"), "REVOKE: " + update);
        }
    }
}
