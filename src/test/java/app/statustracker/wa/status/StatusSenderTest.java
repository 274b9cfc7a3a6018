package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.media.MediaUploadException;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.proto.MessageProtos.Message.ProtocolMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link StatusSender} against a scripted server and the fake Signal seam (docs/protocol.md, Status stanza). */
class StatusSenderTest {
    static final String OWN_PHONE = "15550000001";
    static final String OWN_LID = "100000000000001";
    static final byte[] DEVICE_IDENTITY = "adv-signed-device-identity".getBytes(StandardCharsets.US_ASCII);
    static final Poster POSTER = new Poster(Jid.of(OWN_PHONE, 5, Jid.USER_SERVER), Jid.of(OWN_LID, 5, Jid.LID_SERVER),
            DEVICE_IDENTITY);
    static final String ALICE = "15550000002";
    static final String ALICE_LID = "100000000000002";
    static final String BOB = "15550000003";
    static final String BOB_LID = "100000000000003";

    final ScriptedWhatsApp server = new ScriptedWhatsApp();
    final FakeStatusEncryption encryption = new FakeStatusEncryption();
    final InMemoryLidMappingStore lids = new InMemoryLidMappingStore();
    final InMemorySenderKeyHolders holders = new InMemorySenderKeyHolders();
    final InMemoryRecentStatuses recent = new InMemoryRecentStatuses();
    final StatusSender sender = new StatusSender(encryption, lids, holders, recent, Runnable::run, new SecureRandom(),
            Clock.systemUTC(), Duration.ofSeconds(5));

    StatusSenderTest() {
        addAccounts(server);
    }

    /** Us with two other devices, Alice with a companion, Bob with his phone only. */
    static void addAccounts(ScriptedWhatsApp server) {
        server.account(OWN_PHONE, OWN_LID, 0, 5, 7);
        server.account(ALICE, ALICE_LID, 0, 1);
        server.account(BOB, BOB_LID, 0);
    }

    @Test
    void firstPostResolvesStartsSessionsAndSendsTheSenderKeyToEveryOtherDevice() throws Exception {
        PostedStatus posted = post(TextStatus.plain("hello"), ALICE, BOB);

        assertEquals(1, server.usyncQueries.size());
        assertEquals(List.of(ALICE + "@s.whatsapp.net", BOB + "@s.whatsapp.net", OWN_LID + "@lid"),
                queriedUsers(server.usyncQueries.get(0)));
        Set<String> everyOtherDevice = Set.of(ALICE_LID + "@lid", ALICE_LID + ":1@lid", BOB_LID + "@lid",
                OWN_LID + "@lid", OWN_LID + ":7@lid");
        assertEquals(1, server.keyQueries.size());
        assertEquals(everyOtherDevice, Set.copyOf(keyQueryUsers(server.keyQueries.get(0))));
        assertEquals(1, encryption.pairwiseBatches.size(), "one batch for all devices");

        Node stanza = server.messages.get(0);
        assertEquals(posted.messageId(), stanza.attr("id"));
        assertTrue(posted.messageId().matches("3EB0[0-9A-F]{18}"));
        assertEquals(null, stanza.attr("edit"));
        assertEquals(null, stanza.attr("addressing_mode"));
        assertEquals(List.of("participants", "device-identity", "enc", "meta"), tags(stanza));
        assertArrayEquals(DEVICE_IDENTITY, stanza.child("device-identity").orElseThrow().contentBytes());
        assertEquals("allowlist", stanza.child("meta").orElseThrow().attr("status_setting"));
        Map<String, Node> to = participants(stanza);
        assertEquals(everyOtherDevice, to.keySet());
        for (Map.Entry<String, Node> entry : to.entrySet()) {
            Node enc = entry.getValue().child("enc").orElseThrow();
            assertEquals("pkmsg", enc.attr("type"));
            assertEquals("2", enc.attr("v"));
            Message skdm = Message.parseFrom(FakeStatusEncryption.open("P|" + entry.getKey() + "|", enc.contentBytes()));
            assertEquals("status@broadcast", skdm.getSenderKeyDistributionMessage().getGroupId());
            assertEquals("SKDM-1000", skdm.getSenderKeyDistributionMessage()
                    .getAxolotlSenderKeyDistributionMessage().toStringUtf8());
        }
        assertEquals("hello", skmsgMessage(stanza, 1000).getExtendedTextMessage().getText());

        assertEquals(Instant.ofEpochSecond(server.serverTime), posted.serverTime());
        assertEquals(List.of(new PostedStatus.Recipient(ALICE, Jid.of(ALICE_LID, Jid.LID_SERVER)),
                new PostedStatus.Recipient(BOB, Jid.of(BOB_LID, Jid.LID_SERVER))), posted.recipients());
        assertEquals(Map.of(Jid.of(ALICE, Jid.USER_SERVER), Jid.of(ALICE_LID, Jid.LID_SERVER)),
                lids.lidsForPhoneNumbers(List.of(Jid.of(ALICE, Jid.USER_SERVER))));
        assertEquals(5, holders.holders(1000).size());
    }

    @Test
    void secondPostToTheSameAudienceSendsOnlyTheSkmsg() throws Exception {
        post(TextStatus.plain("one"), ALICE, BOB);
        encryption.confirm(List.of(Jid.of(ALICE_LID, Jid.LID_SERVER)));
        post(TextStatus.plain("two"), ALICE, BOB);

        assertEquals(2, server.usyncQueries.size());
        assertEquals(List.of(ALICE_LID + "@lid", BOB_LID + "@lid", OWN_LID + "@lid"),
                queriedUsers(server.usyncQueries.get(1)), "known mappings: devices by LID only");
        assertEquals(1, server.keyQueries.size(), "no new sessions needed");
        assertEquals(1, encryption.pairwiseBatches.size(), "nobody lacks the key");
        Node stanza = server.messages.get(1);
        assertEquals(List.of("participants", "enc", "meta"), tags(stanza), "no pkmsg, so no device-identity");
        assertEquals(List.of(ALICE_LID + "@lid", BOB_LID + "@lid", OWN_LID + "@lid"),
                stanza.child("participants").orElseThrow().children().stream().map(n -> n.attr("jid")).toList());
        assertTrue(stanza.child("participants").orElseThrow().children().stream().noneMatch(Node::hasContent));
        assertEquals("two", skmsgMessage(stanza, 1000).getExtendedTextMessage().getText());
    }

    @Test
    void aNewDeviceGetsTheKeyAloneAndALeavingDeviceRotatesIt() throws Exception {
        post(TextStatus.plain("one"), ALICE, BOB);
        server.addDevice(ALICE, 2);
        post(TextStatus.plain("two"), ALICE, BOB);
        assertEquals(List.of(ALICE_LID + ":2@lid"), keyQueryUsers(server.keyQueries.get(1)));
        assertEquals(List.of(Jid.of(ALICE_LID, 2, Jid.LID_SERVER)), encryption.pairwiseBatches.get(1));
        Node second = server.messages.get(1);
        // Alice is covered by her new device's entry; Bob and we are listed bare
        assertEquals(Set.of(ALICE_LID + ":2@lid", BOB_LID + "@lid", OWN_LID + "@lid"), participants(second).keySet());
        assertEquals(1, participants(second).values().stream().filter(Node::hasContent).count());
        assertEquals(0, encryption.rotations);

        post(TextStatus.plain("three"), ALICE);  // Bob's phone held key 1000 and is no longer in the audience
        assertEquals(1, encryption.rotations);
        Node third = server.messages.get(2);
        assertEquals(Set.of(ALICE_LID + "@lid", ALICE_LID + ":1@lid", ALICE_LID + ":2@lid", OWN_LID + "@lid",
                OWN_LID + ":7@lid"), participants(third).keySet());
        assertTrue(participants(third).values().stream().allMatch(Node::hasContent), "fresh key to everyone left");
        Node enc = participants(third).get(ALICE_LID + "@lid").child("enc").orElseThrow();
        assertEquals("SKDM-1001", Message.parseFrom(FakeStatusEncryption.open("P|" + ALICE_LID + "@lid|",
                enc.contentBytes())).getSenderKeyDistributionMessage().getAxolotlSenderKeyDistributionMessage()
                .toStringUtf8());
        assertEquals("three", skmsgMessage(third, 1001).getExtendedTextMessage().getText());
        assertTrue(holders.holders(1000).isEmpty());
        assertEquals(5, holders.holders(1001).size());
    }

    @Test
    void unknownNumbersAreNamedAndNothingIsSent() {
        StatusRejectedException e = rejected(sender.post(server, POSTER, TextStatus.plain("x"),
                List.of(ALICE, "15559999999", "15558888888")));
        assertTrue(e.reason().contains("15559999999") && e.reason().contains("15558888888"), e.reason());
        assertFalse(e.reason().contains(ALICE));
        assertTrue(server.messages.isEmpty());
        assertTrue(server.keyQueries.isEmpty());
    }

    @Test
    void ackErrorIsARejectionAndRecordsNoHolders() throws Exception {
        server.ackMode = ScriptedWhatsApp.AckMode.REFUSE_479;
        StatusRejectedException e = rejected(sender.post(server, POSTER, TextStatus.plain("x"), List.of(ALICE)));
        assertTrue(e.reason().contains("479"), e.reason());
        assertTrue(holders.holders(1000).isEmpty());

        server.ackMode = ScriptedWhatsApp.AckMode.ACCEPT;
        post(TextStatus.plain("again"), ALICE);
        assertEquals(4, participants(server.messages.get(1)).values().stream().filter(Node::hasContent).count(),
                "the key goes out again to every device, since the refused stanza delivered nothing");
    }

    @Test
    void missingAckIsARejection() {
        server.ackMode = ScriptedWhatsApp.AckMode.SILENT;
        StatusRejectedException e = rejected(sender.post(server, POSTER, TextStatus.plain("x"), List.of(ALICE)));
        assertTrue(e.reason().contains("did not acknowledge"), e.reason());
    }

    @Test
    void revokeIsAProtocolMessageWithEditSevenAndNoMeta() throws Exception {
        PostedStatus original = post(TextStatus.plain("oops"), ALICE, BOB);
        PostedStatus revoke = sender.revoke(server, POSTER, original.messageId(), List.of(ALICE, BOB))
                .get(5, TimeUnit.SECONDS);
        Node stanza = server.messages.get(1);
        assertEquals(revoke.messageId(), stanza.attr("id"));
        assertNotEquals(original.messageId(), revoke.messageId());
        assertEquals("7", stanza.attr("edit"));
        assertEquals("text", stanza.attr("type"));
        assertTrue(stanza.child("meta").isEmpty());
        ProtocolMessage protocol = skmsgMessage(stanza, 1000).getProtocolMessage();
        assertEquals(ProtocolMessage.Type.REVOKE, protocol.getType());
        assertEquals(original.messageId(), protocol.getKey().getId());
        assertTrue(protocol.getKey().getFromMe());
    }

    @Test
    void ownNumberInTheAudienceIsResolvedWithoutAsking() throws Exception {
        PostedStatus posted = post(TextStatus.plain("me"), OWN_PHONE, ALICE);
        assertEquals(List.of(ALICE + "@s.whatsapp.net", OWN_LID + "@lid"), queriedUsers(server.usyncQueries.get(0)));
        assertEquals(List.of(new PostedStatus.Recipient(OWN_PHONE, Jid.of(OWN_LID, Jid.LID_SERVER)),
                new PostedStatus.Recipient(ALICE, Jid.of(ALICE_LID, Jid.LID_SERVER))), posted.recipients());
        assertFalse(participants(server.messages.get(0)).containsKey(OWN_LID + ":5@lid"), "never to ourselves");
    }

    @Test
    void lidMigratedContactIsAskedAgainByLid() throws Exception {
        server.migratedAccount("15550000004", "100000000000004", 0, 3);
        post(TextStatus.plain("x"), "15550000004");
        assertEquals(2, server.usyncQueries.size());
        assertEquals(List.of("100000000000004@lid"), queriedUsers(server.usyncQueries.get(1)));
        assertTrue(participants(server.messages.get(0)).containsKey("100000000000004:3@lid"));
    }

    @Test
    void aDeviceWithoutBundleIsLeftOutButItsUserStaysAddressed() throws Exception {
        server.bundleError(BOB_LID + "@lid");
        post(TextStatus.plain("x"), ALICE, BOB);
        Map<String, Node> to = participants(server.messages.get(0));
        assertFalse(to.get(BOB_LID + "@lid").hasContent(), "bare user entry, no enc");
        assertFalse(holders.holders(1000).contains(Jid.of(BOB_LID, Jid.LID_SERVER)));
        assertTrue(holders.holders(1000).contains(Jid.of(ALICE_LID, Jid.LID_SERVER)));
    }

    @Test
    void audienceOfThousandsTakesOneQueryOfEachKindAndOneCryptoBatch() throws Exception {
        String[] phones = new String[400];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = "1556" + String.format("%07d", i);
            server.account(phones[i], "2000000" + String.format("%08d", i), 0, 1, 2);
        }
        post(TextStatus.plain("many"), phones);
        assertEquals(1, server.usyncQueries.size());
        assertEquals(1, server.keyQueries.size());
        assertEquals(1202, keyQueryUsers(server.keyQueries.get(0)).size());
        assertEquals(1, encryption.sessionLookups.size());
        assertEquals(1, encryption.startedBatches.size());
        assertEquals(1, encryption.pairwiseBatches.size());
        assertEquals(1202, encryption.pairwiseBatches.get(0).size());
        assertEquals(1202, participants(server.messages.get(0)).size());
    }

    @Test
    void postsRunOneAfterAnother() throws Exception {
        server.ackMode = ScriptedWhatsApp.AckMode.HOLD;
        CompletableFuture<PostedStatus> first = sender.post(server, POSTER, TextStatus.plain("1"), List.of(ALICE));
        CompletableFuture<PostedStatus> second = sender.post(server, POSTER, TextStatus.plain("2"), List.of(ALICE));
        assertEquals(1, server.usyncQueries.size(), "the second waits for the first's ack");
        server.held.get(0).complete(null);
        first.get(5, TimeUnit.SECONDS);
        assertEquals(2, server.usyncQueries.size());
        server.held.get(1).complete(null);
        second.get(5, TimeUnit.SECONDS);
        assertEquals(0, participants(server.messages.get(1)).values().stream().filter(Node::hasContent).count(),
                "the second was prepared after the first was acked, so it knew every device had the key");
    }

    @Test
    void aMessageStillBeingMadeIsAwaitedOnlyOnceAudienceAndSessionsAreReady() throws Exception {
        CompletableFuture<Message> uploading = new CompletableFuture<>();
        CompletableFuture<PostedStatus> posting = sender.post(server, POSTER, null, uploading, List.of(ALICE, BOB));

        assertEquals(1, server.usyncQueries.size(), "the audience was resolved during the upload");
        assertEquals(1, server.keyQueries.size(), "and its sessions started");
        assertTrue(server.messages.isEmpty());
        uploading.complete(StatusMessages.text(TextStatus.plain("late"), new SecureRandom()));
        posting.get(5, TimeUnit.SECONDS);
        assertEquals("late", skmsgMessage(server.messages.get(0), 1000).getExtendedTextMessage().getText());
    }

    @Test
    void aMessageThatCannotBeMadeFailsThePostWithItsCause() {
        CompletableFuture<Message> uploading = new CompletableFuture<>();
        CompletableFuture<PostedStatus> posting = sender.post(server, POSTER, null, uploading, List.of(ALICE));
        uploading.completeExceptionally(new MediaUploadException("every media host refused the upload"));

        ExecutionException e = assertThrows(ExecutionException.class, () -> posting.get(5, TimeUnit.SECONDS));
        assertInstanceOf(MediaUploadException.class, e.getCause());
        assertTrue(server.messages.isEmpty());
    }

    @Test
    void malformedInputFailsAtOnce() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> sender.post(server, POSTER, TextStatus.plain("x"), List.of("+1555")).get(1, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(server.usyncQueries.isEmpty());
    }

    private PostedStatus post(TextStatus status, String... phones) throws Exception {
        return sender.post(server, POSTER, status, List.of(phones)).get(5, TimeUnit.SECONDS);
    }

    static StatusRejectedException rejected(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(StatusRejectedException.class, e.getCause());
    }

    static Message skmsgMessage(Node stanza, int keyId) throws Exception {
        Node skmsg = stanza.children("enc").get(0);
        assertEquals("skmsg", skmsg.attr("type"));
        assertEquals("2", skmsg.attr("v"));
        return Message.parseFrom(FakeStatusEncryption.open("S|" + keyId + "|", skmsg.contentBytes()));
    }

    static Map<String, Node> participants(Node stanza) {
        return stanza.child("participants").orElseThrow().children().stream()
                .collect(Collectors.toMap(to -> to.attr("jid"), to -> to));
    }

    static List<String> tags(Node stanza) {
        return stanza.children().stream().map(Node::tag).toList();
    }

    static List<String> queriedUsers(Node usync) {
        return usync.child("usync").orElseThrow().child("list").orElseThrow().children("user").stream()
                .map(user -> user.attr("jid")).toList();
    }

    static List<String> keyQueryUsers(Node iq) {
        return iq.child("key").orElseThrow().children("user").stream().map(user -> user.attr("jid")).toList();
    }
}
