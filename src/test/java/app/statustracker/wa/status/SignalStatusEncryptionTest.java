package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.testing.SignalPeer;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.InMemoryIdentityKeyStore;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.LocalSignalIdentity;
import app.statustracker.wa.signal.PlaintextPadding;
import app.statustracker.wa.signal.PreKeyBundle;
import app.statustracker.wa.signal.SenderKeyNotFoundException;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalSessions;
import app.statustracker.wa.signal.SignedPreKey;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SignalStatusEncryption} as a status poster uses it, opened by independent Java viewers (their own
 * SessionCipher, GroupCipher and stores): per-device pkmsg/msg carrying the SKDM Message, one skmsg that every
 * viewer decrypts to the exact status Message, one session load/store per batch, and rotation.
 */
class SignalStatusEncryptionTest {
    static final Jid OUR_DEVICE = Jid.of("100000000000001", 5, Jid.LID_SERVER);
    private final SecureRandom random = new SecureRandom();
    final CountingSessionStore sessionStore = new CountingSessionStore();
    final LocalSignalIdentity ours = newIdentity();
    final SignalSessions sessions = new SignalSessions(new SessionCipher(ours), sessionStore,
            new InMemoryIdentityKeyStore(), new InMemoryPreKeyStore());
    final InMemorySenderKeyStore senderKeys = new InMemorySenderKeyStore();
    final SignalStatusEncryption encryption = new SignalStatusEncryption(sessions, senderKeys, OUR_DEVICE);

    final SignalPeer alice0 = new SignalPeer(Jid.of("100000000000002", 0, Jid.LID_SERVER));
    final SignalPeer alice1 = new SignalPeer(Jid.of("100000000000002", 1, Jid.LID_SERVER));
    final SignalPeer bob0 = new SignalPeer(Jid.of("100000000000003", 0, Jid.LID_SERVER));
    final List<SignalPeer> viewers = List.of(alice0, alice1, bob0);

    @Test
    void ourSenderKeyIsNamedByOurLidDevice() {
        assertEquals("status@broadcast::100000000000001_1::5", encryption.ourSenderKeyName().toString());
        assertThrows(IllegalArgumentException.class, () -> new SignalStatusEncryption(sessions, senderKeys,
                Jid.of("15550000001", 5, Jid.USER_SERVER)));
    }

    @Test
    void viewersOpenTheSenderKeyPairwiseAndTheStatusFromTheSkmsg() throws Exception {
        List<Jid> devices = viewers.stream().map(viewer -> viewer.device).toList();
        sessionStore.reset();
        assertEquals(Set.copyOf(devices), encryption.devicesWithoutSession(devices));
        assertEquals(1, sessionStore.loads.get(), "one load for the whole audience");
        assertEquals(0, sessionStore.stores.get());

        Map<Jid, PreKeyBundle> bundles = new LinkedHashMap<>();
        viewers.forEach(viewer -> bundles.put(viewer.device, viewer.bundle()));
        PreKeyBundle good = bundles.get(bob0.device);
        Jid forged = Jid.of("100000000000004", 0, Jid.LID_SERVER);
        byte[] badSignature = good.signedPreKeySignature();
        badSignature[10] ^= 1;
        bundles.put(forged, new PreKeyBundle(good.registrationId(), good.identityKey(), good.signedPreKeyId(),
                good.signedPreKey(), badSignature, good.preKeyId(), good.preKey()));
        sessionStore.reset();
        Map<Jid, String> refused = encryption.startSessions(bundles);
        assertEquals(Set.of(forged), refused.keySet(), "the forged signed pre-key is refused: " + refused);
        assertEquals(1, sessionStore.loads.get());
        assertEquals(1, sessionStore.stores.get());
        sessionStore.reset();
        assertEquals(Set.of(), encryption.devicesWithoutSession(devices));
        assertEquals(0, sessionStore.loads.get(), "sessions it opened are known open: a repeat post loads nothing");
        assertEquals(Set.of(forged), encryption.devicesWithoutSession(List.of(alice0.device, forged)));
        assertEquals(1, sessionStore.loads.get(), "only the device not known to be open is looked up");

        // a fresh instance (a restarted client) learns from the store once, then remembers
        SignalStatusEncryption restarted = new SignalStatusEncryption(sessions, senderKeys, OUR_DEVICE);
        sessionStore.reset();
        assertEquals(Set.of(), restarted.devicesWithoutSession(devices));
        assertEquals(Set.of(), restarted.devicesWithoutSession(devices));
        assertEquals(1, sessionStore.loads.get());

        for (int round = 0; round < 2; round++) {
            Message status = statusMessage("round " + round);
            SenderKeyDistribution key = encryption.currentSenderKey();
            byte[] carrier = PlaintextPadding.pad(StatusMessages.senderKeyDistribution(key.message()).toByteArray(),
                    random);
            sessionStore.reset();
            PairwiseBatch batch = encryption.encryptPairwise(carrier, List.of(alice0.device, alice1.device,
                    bob0.device, forged));
            assertEquals(1, sessionStore.loads.get(), "one load for the batch");
            assertEquals(1, sessionStore.stores.get(), "one store for the batch");
            assertEquals(Set.of(forged), batch.failed().keySet());
            byte[] skmsg = encryption.encryptWithSenderKey(PlaintextPadding.pad(status.toByteArray(), random));
            for (SignalPeer viewer : viewers) {
                PairwiseCiphertext ciphertext = batch.encrypted().get(viewer.device);
                assertEquals(PairwiseCiphertext.PKMSG, ciphertext.type(), "no reply yet, still pkmsg");
                Message opened = viewer.openPairwise(OUR_DEVICE, ciphertext.type(), ciphertext.ciphertext());
                assertEquals("status@broadcast", opened.getSenderKeyDistributionMessage().getGroupId());
                assertArrayEquals(key.message(),
                        opened.getSenderKeyDistributionMessage().getAxolotlSenderKeyDistributionMessage().toByteArray());
                assertEquals(status, viewer.openSenderKeyMessage(Jid.STATUS_BROADCAST, OUR_DEVICE, skmsg));
            }
        }
    }

    @Test
    void startedSessionsAreWrittenOnlyByTheStoreStepAndCountAsOpenFromThen() throws Exception {
        List<Jid> devices = viewers.stream().map(viewer -> viewer.device).toList();
        Map<Jid, PreKeyBundle> bundles = new LinkedHashMap<>();
        viewers.forEach(viewer -> bundles.put(viewer.device, viewer.bundle()));
        byte[] carrier = PlaintextPadding.pad(StatusMessages.senderKeyDistribution(
                encryption.currentSenderKey().message()).toByteArray(), random);
        sessionStore.reset();

        StatusEncryption.PendingPairwise pending = encryption.prepareAndEncryptPairwise(bundles, carrier, devices);

        assertEquals(Set.copyOf(devices), pending.batch().encrypted().keySet());
        assertEquals(1, sessionStore.loads.get(), "one load for starting and encrypting");
        assertEquals(0, sessionStore.stores.get(), "nothing written before the store step");
        assertEquals(Set.copyOf(devices), encryption.devicesWithoutSession(devices), "not open before it is stored");
        pending.store().run();
        assertEquals(1, sessionStore.stores.get());
        sessionStore.reset();
        assertEquals(Set.of(), encryption.devicesWithoutSession(devices));
        assertEquals(0, sessionStore.loads.get(), "known open once stored");
        for (SignalPeer viewer : viewers) {
            PairwiseCiphertext ciphertext = pending.batch().encrypted().get(viewer.device);
            assertEquals(PairwiseCiphertext.PKMSG, ciphertext.type());
            assertEquals("status@broadcast", viewer.openPairwise(OUR_DEVICE, ciphertext.type(), ciphertext.ciphertext())
                    .getSenderKeyDistributionMessage().getGroupId());
        }
    }

    @Test
    void aViewerThatRepliedGetsMsgAndARotatedKeyLocksOutHoldersOfTheOldOne() throws Exception {
        encryption.startSessions(Map.of(alice1.device, alice1.bundle()));
        byte[] carrier = PlaintextPadding.pad(StatusMessages.senderKeyDistribution(
                encryption.currentSenderKey().message()).toByteArray(), random);
        PairwiseCiphertext first = encryption.encryptPairwise(carrier, List.of(alice1.device)).encrypted()
                .get(alice1.device);
        alice1.openPairwise(OUR_DEVICE, first.type(), first.ciphertext());
        byte[] before = encryption.encryptWithSenderKey(PlaintextPadding.pad(statusMessage("before").toByteArray(), random));
        assertEquals(statusMessage("before"), alice1.openSenderKeyMessage(Jid.STATUS_BROADCAST, OUR_DEVICE, before));

        // alice answers on the session (a reply to the status): from then on our messages to her are msg
        var reply = alice1.encryptFor(OUR_DEVICE, Message.newBuilder().setConversation("nice").build());
        sessions.decrypt(SignalAddress.of(alice1.device), reply);
        PairwiseCiphertext next = encryption.encryptPairwise(PlaintextPadding.pad(new byte[] {1}, 1),
                List.of(alice1.device)).encrypted().get(alice1.device);
        assertEquals(PairwiseCiphertext.MSG, next.type());

        int oldKey = encryption.currentSenderKey().keyId();
        encryption.rotateSenderKey();
        SenderKeyDistribution rotated = encryption.currentSenderKey();
        assertNotEquals(oldKey, rotated.keyId());
        byte[] after = encryption.encryptWithSenderKey(PlaintextPadding.pad(statusMessage("after").toByteArray(), random));
        assertThrows(SenderKeyNotFoundException.class,
                () -> alice1.openSenderKeyMessage(Jid.STATUS_BROADCAST, OUR_DEVICE, after));
    }

    @Test
    void statusSenderOverTheRealEncryptionReachesRealViewersAndRemembersTheExactMessage() throws Exception {
        ScriptedWhatsApp server = new ScriptedWhatsApp();
        server.account("15550000001", "100000000000001", 0, 5);
        server.account("15550000002", "100000000000002", 0, 1);
        SignalPeer ownPhone = new SignalPeer(Jid.of("100000000000001", 0, Jid.LID_SERVER));
        Map<Jid, SignalPeer> byDevice = new HashMap<>();
        for (SignalPeer peer : List.of(alice0, alice1, ownPhone)) {
            server.bundle(peer.device.toString(), peer.bundle());
            byDevice.put(peer.device, peer);
        }
        InMemoryRecentStatuses recent = new InMemoryRecentStatuses();
        StatusSender sender = new StatusSender(encryption, new InMemoryLidMappingStore(), new InMemorySenderKeyHolders(),
                recent, Runnable::run, random, java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(5));
        Poster poster = new Poster(Jid.of("15550000001", 5, Jid.USER_SERVER), OUR_DEVICE, new byte[] {1, 2, 3});

        for (String text : List.of("first", "second")) {
            var posted = sender.post(server, poster, TextStatus.plain(text), List.of("15550000002")).get();
            var stanza = server.messages.get(server.messages.size() - 1);
            SentStatus sent = recent.find(posted.messageId()).orElseThrow();
            Message expected = Message.parseFrom(sent.message());
            assertEquals(text, expected.getExtendedTextMessage().getText());
            assertEquals(Set.of(Jid.of("100000000000002", Jid.LID_SERVER), Jid.of("100000000000001", Jid.LID_SERVER)),
                    sent.audience());
            var perDevice = stanza.child("participants").orElseThrow().children("to").stream()
                    .filter(to -> to.child("enc").isPresent()).toList();
            // the first post hands the key to every device; the second to none (all recorded as holders)
            assertEquals("first".equals(text) ? 3 : 0, perDevice.size());
            for (var to : perDevice) {
                var enc = to.child("enc").orElseThrow();
                byDevice.get(Jid.parse(to.attr("jid"))).openPairwise(OUR_DEVICE, enc.attr("type"), enc.contentBytes());
            }
            byte[] skmsg = stanza.children("enc").get(0).contentBytes();
            for (SignalPeer viewer : byDevice.values()) {
                assertEquals(expected, viewer.openSenderKeyMessage(Jid.STATUS_BROADCAST, OUR_DEVICE, skmsg));
            }
        }
    }

    static Message statusMessage(String text) {
        return StatusMessages.text(TextStatus.plain(text), new byte[StatusMessages.MESSAGE_SECRET_LENGTH]);
    }

    static LocalSignalIdentity newIdentity() {
        Curve25519KeyPair identity = Curve25519.generateKeyPair();
        return new LocalSignalIdentity(identity, 4321, SignedPreKey.generate(identity, 7));
    }
}
