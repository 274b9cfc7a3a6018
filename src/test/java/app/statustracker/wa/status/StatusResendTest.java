package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.SignalPeer;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.InMemoryIdentityKeyStore;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.InMemorySignalSessionStore;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SignalSessions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Retry receipts for our statuses (docs/protocol.md, Retries) through {@link StatusSender#resend}, over the real Signal
 * encryption and real viewer devices: the status again, pairwise, with {@code count}, to exactly the asking device.
 */
class StatusResendTest {
    static final Jid OUR_DEVICE = SignalStatusEncryptionTest.OUR_DEVICE;
    static final byte[] DEVICE_IDENTITY = {9, 8, 7};
    final SecureRandom random = new SecureRandom();
    final ScriptedWhatsApp server = new ScriptedWhatsApp();
    final InMemoryRecentStatuses recent = new InMemoryRecentStatuses();
    final SignalStatusEncryption encryption = new SignalStatusEncryption(new SignalSessions(
            new SessionCipher(SignalStatusEncryptionTest.newIdentity()), new InMemorySignalSessionStore(),
            new InMemoryIdentityKeyStore(), new InMemoryPreKeyStore()), new InMemorySenderKeyStore(), OUR_DEVICE);
    final StatusSender sender = new StatusSender(encryption, new InMemoryLidMappingStore(),
            new InMemorySenderKeyHolders(), recent, Runnable::run, random, Clock.systemUTC(), Duration.ofSeconds(5));
    final Poster poster = new Poster(Jid.of("15550000001", 5, Jid.USER_SERVER), OUR_DEVICE, DEVICE_IDENTITY);
    final SignalPeer alice0 = new SignalPeer(Jid.of("100000000000002", 0, Jid.LID_SERVER));
    final SignalPeer alice1 = new SignalPeer(Jid.of("100000000000002", 1, Jid.LID_SERVER));
    final SignalPeer ownPhone = new SignalPeer(Jid.of("100000000000001", 0, Jid.LID_SERVER));

    StatusResendTest() {
        server.account("15550000001", "100000000000001", 0, 5);
        server.account("15550000002", "100000000000002", 0, 1);
        server.account("15550000003", "100000000000003", 0);
        for (SignalPeer peer : List.of(alice0, alice1, ownPhone)) {
            server.bundle(peer.device.toString(), peer.bundle());
        }
    }

    @Test
    void aReinstalledViewerGetsTheStatusAndTheKeyFromItsRetryKeys() throws Exception {
        PostedStatus posted = post("hello");
        Message expected = Message.parseFrom(recent.find(posted.messageId()).orElseThrow().message());
        int sentBefore = server.messages.size();

        // alice's device 1 lost its state: a fresh install on the same JID asks with its new keys
        SignalPeer reinstalled = new SignalPeer(alice1.device);
        Node receipt = retryReceipt(posted.messageId(), reinstalled.device, 2, reinstalled.retryKeyNodes(new byte[] {1}));
        assertTrue(sender.resend(server, poster, StatusRetryRequest.parse(receipt)).get(5, TimeUnit.SECONDS));

        assertEquals(sentBefore + 1, server.messages.size(), "one stanza, to one device");
        Node resent = server.messages.get(server.messages.size() - 1);
        assertEquals("status@broadcast", resent.attr("to"));
        assertEquals("100000000000002:1@lid", resent.attr("participant"));
        assertEquals(posted.messageId(), resent.attr("id"));
        assertEquals("text", resent.attr("type"));
        assertEquals(null, resent.attr("edit"));
        Node enc = resent.child("enc").orElseThrow();
        assertEquals("pkmsg", enc.attr("type"));
        assertEquals("2", enc.attr("count"));
        assertArrayEquals(DEVICE_IDENTITY, resent.child("device-identity").orElseThrow().contentBytes());

        Message opened = reinstalled.openPairwise(OUR_DEVICE, enc.attr("type"), enc.contentBytes());
        assertEquals(expected, opened.toBuilder().clearSenderKeyDistributionMessage().build(), "the exact status");
        assertTrue(opened.hasSenderKeyDistributionMessage(), "with the unchanged sender key");

        // the next post gives alice's devices no SKDM (they hold the key), and the reinstalled device can read it
        PostedStatus next = post("again");
        Node stanza = server.messages.get(server.messages.size() - 1);
        assertTrue(stanza.child("participants").orElseThrow().children("to").stream()
                .noneMatch(to -> to.attr("jid").startsWith("100000000000002") && to.child("enc").isPresent()));
        assertEquals("again", reinstalled.openSenderKeyMessage(Jid.STATUS_BROADCAST, OUR_DEVICE,
                stanza.children("enc").get(0).contentBytes()).getExtendedTextMessage().getText(), next.messageId());
    }

    @Test
    void withoutKeysTheExistingSessionIsUsedAndWithoutASessionABundleIsFetched() throws Exception {
        PostedStatus posted = post("hello");
        openPost(alice0, server.messages.get(0));
        assertTrue(sender.resend(server, poster, StatusRetryRequest.parse(
                retryReceipt(posted.messageId(), alice0.device, 1, List.of()))).get(5, TimeUnit.SECONDS));
        Node enc = server.messages.get(server.messages.size() - 1).child("enc").orElseThrow();
        assertEquals("1", enc.attr("count"));
        assertEquals("hello", alice0.openPairwise(OUR_DEVICE, enc.attr("type"), enc.contentBytes())
                .getExtendedTextMessage().getText(), "on the session the post built");
        assertEquals(1, server.keyQueries.size(), "no new bundle for a device we hold a session with");

        // a device of an addressed user that the post did not reach (added since): its bundle is fetched
        SignalPeer alice7 = new SignalPeer(Jid.of("100000000000002", 7, Jid.LID_SERVER));
        server.bundle(alice7.device.toString(), alice7.bundle());
        assertTrue(sender.resend(server, poster, StatusRetryRequest.parse(
                retryReceipt(posted.messageId(), alice7.device, 1, List.of()))).get(5, TimeUnit.SECONDS));
        assertEquals(2, server.keyQueries.size());
        Node again = server.messages.get(server.messages.size() - 1).child("enc").orElseThrow();
        assertEquals("hello", alice7.openPairwise(OUR_DEVICE, again.attr("type"), again.contentBytes())
                .getExtendedTextMessage().getText());
    }

    @Test
    void unknownStatusesOutsidersAndTooManyTriesAreNotAnswered() throws Exception {
        PostedStatus posted = post("hello");
        int sent = server.messages.size();
        SignalPeer bob = new SignalPeer(Jid.of("100000000000003", 0, Jid.LID_SERVER));
        List<Node> receipts = List.of(
                retryReceipt("3EB0UNKNOWN", alice0.device, 1, List.of()),
                retryReceipt(posted.messageId(), bob.device, 1, bob.retryKeyNodes(new byte[] {1})),
                retryReceipt(posted.messageId(), alice0.device, StatusResender.MAX_COUNT + 1, List.of()));
        for (Node receipt : receipts) {
            assertFalse(sender.resend(server, poster, StatusRetryRequest.parse(receipt)).get(5, TimeUnit.SECONDS),
                    receipt.toString());
        }
        assertEquals(sent, server.messages.size(), "nothing was sent");
    }

    @Test
    void afterARotationTheResendCarriesNoSenderKey() throws Exception {
        PostedStatus posted = post("hello");
        encryption.rotateSenderKey();
        SignalPeer reinstalled = new SignalPeer(alice1.device);
        assertTrue(sender.resend(server, poster, StatusRetryRequest.parse(retryReceipt(posted.messageId(),
                reinstalled.device, 1, reinstalled.retryKeyNodes(new byte[] {1})))).get(5, TimeUnit.SECONDS));
        Node enc = server.messages.get(server.messages.size() - 1).child("enc").orElseThrow();
        Message opened = reinstalled.openPairwise(OUR_DEVICE, enc.attr("type"), enc.contentBytes());
        assertEquals("hello", opened.getExtendedTextMessage().getText());
        assertFalse(opened.hasSenderKeyDistributionMessage(), "the new key belongs to a newer audience");
    }

    @Test
    void aRevokeIsResentAsARevoke() throws Exception {
        PostedStatus posted = post("hello");
        PostedStatus revoke = sender.revoke(server, poster, posted.messageId(), List.of("15550000002"))
                .get(5, TimeUnit.SECONDS);
        SignalPeer reinstalled = new SignalPeer(alice1.device);
        Node resent = resentAfterRetry(reinstalled, revoke.messageId(), (byte) 1);
        assertEquals("7", resent.attr("edit"));
        Node enc = resent.child("enc").orElseThrow();
        assertEquals(posted.messageId(), reinstalled.openPairwise(OUR_DEVICE, enc.attr("type"), enc.contentBytes())
                .getProtocolMessage().getKey().getId());
    }

    @Test
    void aMediaStatusIsPostedAndResentAsMediaWithTheSameMessage() throws Exception {
        MediaStatus photo = new MediaStatus(app.statustracker.wa.media.MediaType.IMAGE, java.nio.file.Path.of("p.jpg"),
                "image/jpeg", 640, 480, null, "caption", null, null);
        app.statustracker.wa.media.UploadedMedia uploaded = new app.statustracker.wa.media.UploadedMedia(
                app.statustracker.wa.media.MediaType.IMAGE, "https://mmg.example/v/x.enc", "/v/x.enc", new byte[32],
                1_700_000_000L, new app.statustracker.wa.media.EncryptedMedia(new byte[32], new byte[32], 10, 26));
        PostedStatus posted = sender.post(server, poster, null, StatusMessages.media(photo, uploaded, random),
                List.of("15550000002")).get(5, TimeUnit.SECONDS);
        Node first = server.messages.get(server.messages.size() - 1);
        assertEquals("media", first.attr("type"));
        assertEquals("image", first.child("enc").orElseThrow().attr("mediatype"));

        SignalPeer reinstalled = new SignalPeer(alice1.device);
        Node resent = resentAfterRetry(reinstalled, posted.messageId(), (byte) 2);
        assertEquals("media", resent.attr("type"));
        Node enc = resent.child("enc").orElseThrow();
        assertEquals("image", enc.attr("mediatype"));
        Message opened = reinstalled.openPairwise(OUR_DEVICE, enc.attr("type"), enc.contentBytes());
        assertEquals("https://mmg.example/v/x.enc", opened.getImageMessage().getUrl());
        assertEquals("caption", opened.getImageMessage().getCaption());
    }

    /** A reinstalled device asks for the status again; the stanza that answered it. */
    private Node resentAfterRetry(SignalPeer reinstalled, String id, byte registration) throws Exception {
        assertTrue(sender.resend(server, poster, StatusRetryRequest.parse(retryReceipt(id, reinstalled.device, 1,
                reinstalled.retryKeyNodes(new byte[] {registration})))).get(5, TimeUnit.SECONDS));
        return server.messages.get(server.messages.size() - 1);
    }

    private PostedStatus post(String text) throws Exception {
        return sender.post(server, poster, TextStatus.plain(text), List.of("15550000002")).get(5, TimeUnit.SECONDS);
    }

    private static void openPost(SignalPeer viewer, Node stanza) throws Exception {
        for (Node to : stanza.child("participants").orElseThrow().children("to")) {
            if (to.attr("jid").equals(viewer.device.toString())) {
                Node enc = to.child("enc").orElseThrow();
                viewer.openPairwise(OUR_DEVICE, enc.attr("type"), enc.contentBytes());
            }
        }
    }

    /** The server's form of a viewer's retry receipt (docs/protocol.md, Retries). */
    static Node retryReceipt(String id, Jid device, int count, List<Node> keys) {
        List<Node> children = new ArrayList<>();
        children.add(Node.builder("retry").attr("count", Integer.toString(count)).attr("id", id)
                .attr("t", "1700000000").attr("v", "1").build());
        if (keys.isEmpty()) {
            children.add(Node.builder("registration").bytes(SignalPeer.bigEndian(77, 4)).build());
        } else {
            children.addAll(keys);
        }
        return Node.builder("receipt").attr("from", "status@broadcast").attr("participant", device).attr("id", id)
                .attr("type", "retry").children(children).build();
    }
}
