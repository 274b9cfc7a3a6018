package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.testing.BaileysDriver;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.EncryptedSignalMessage;
import app.statustracker.wa.signal.InMemoryIdentityKeyStore;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.InMemorySignalSessionStore;
import app.statustracker.wa.signal.PlaintextPadding;
import app.statustracker.wa.signal.PreKeyBundle;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalMessageType;
import app.statustracker.wa.signal.SignalSessions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link SignalStatusEncryption} produces, opened by Baileys as a viewer would (its libsignal repository
 * through {@code signal-session.mjs}, its sender-key port through {@code signal-group.mjs}): the pairwise pkmsg/msg
 * carrying the SKDM Message, then the skmsg with the status, keyed by our LID device as the stanza's participant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalStatusEncryptionBaileysCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private final SecureRandom random = new SecureRandom();
    private BaileysDriver baileys;

    @BeforeAll
    void startBaileys() {
        BaileysDriver.assumeAvailable();
        baileys = BaileysDriver.start();
    }

    @AfterAll
    void stopBaileys() {
        if (baileys != null) {
            baileys.close();
        }
    }

    /** Our posting device, a fresh LID device per test so that Baileys' stores never mix two of them. */
    private final class Poster {
        final Jid device = Jid.of("1000000000" + (10000 + NEXT.getAndIncrement()), 5, Jid.LID_SERVER);
        final InMemorySignalSessionStore sessionStore = new InMemorySignalSessionStore();
        final SignalSessions sessions = new SignalSessions(new SessionCipher(SignalStatusEncryptionTest.newIdentity()),
                sessionStore, new InMemoryIdentityKeyStore(), new InMemoryPreKeyStore());
        final SignalStatusEncryption encryption = new SignalStatusEncryption(sessions, new InMemorySenderKeyStore(),
                device);
    }

    /** A Baileys viewer device: its name in the driver and the LID device JID we address it by. */
    private record Viewer(String name, Jid device, PreKeyBundle bundle) {
    }

    private Viewer viewer() {
        String name = "viewer-" + NEXT.getAndIncrement();
        JsonObject bundle = baileys.call("signalCreate", Json.createObjectBuilder().add("name", name).build());
        Jid device = Jid.of("2000000000" + (10000 + NEXT.getAndIncrement()), 1, Jid.LID_SERVER);
        return new Viewer(name, device, new PreKeyBundle(bundle.getInt("registrationId"),
                HEX.parseHex(bundle.getString("identityKey")), bundle.getInt("signedPreKeyId"),
                HEX.parseHex(bundle.getString("signedPreKey")), HEX.parseHex(bundle.getString("signedPreKeySignature")),
                OptionalInt.of(bundle.getInt("preKeyId")), HEX.parseHex(bundle.getString("preKey"))));
    }

    @Test
    void baileysOpensTheSenderKeyPairwiseAndTheStatusesFromTheSkmsgs() throws Exception {
        Poster poster = new Poster();
        List<Viewer> viewers = List.of(viewer(), viewer());
        Map<Jid, String> refused = poster.encryption.startSessions(Map.of(viewers.get(0).device(), viewers.get(0).bundle(),
                viewers.get(1).device(), viewers.get(1).bundle()));
        assertEquals(Map.of(), refused);
        List<Jid> devices = viewers.stream().map(Viewer::device).toList();

        SenderKeyDistribution key = poster.encryption.currentSenderKey();
        byte[] carrier = PlaintextPadding.pad(StatusMessages.senderKeyDistribution(key.message()).toByteArray(), random);
        PairwiseBatch batch = poster.encryption.encryptPairwise(carrier, devices);
        for (Viewer viewer : viewers) {
            PairwiseCiphertext ciphertext = batch.encrypted().get(viewer.device());
            assertEquals(PairwiseCiphertext.PKMSG, ciphertext.type());
            Message opened = baileysOpenPairwise(viewer, poster.device, ciphertext);
            assertEquals("status@broadcast", opened.getSenderKeyDistributionMessage().getGroupId());
            baileys.call("groupProcessSkdm", groupArgs(viewer, poster.device).add("skdm",
                    HEX.formatHex(opened.getSenderKeyDistributionMessage().getAxolotlSenderKeyDistributionMessage()
                            .toByteArray())).build());
        }
        for (String text : List.of("first status", "second status", "third")) {
            Message status = SignalStatusEncryptionTest.statusMessage(text);
            byte[] skmsg = poster.encryption.encryptWithSenderKey(PlaintextPadding.pad(status.toByteArray(), random));
            for (Viewer viewer : viewers) {
                assertEquals(status, baileysOpenSkmsg(viewer, poster.device, skmsg), text + " at " + viewer.name());
            }
        }

        // a rotated key is unknown to Baileys until the new SKDM arrives (docs/protocol.md, Signal)
        poster.encryption.rotateSenderKey();
        byte[] locked = poster.encryption.encryptWithSenderKey(PlaintextPadding.pad(
                SignalStatusEncryptionTest.statusMessage("after rotation").toByteArray(), random));
        assertThrows(BaileysDriver.DriverException.class, () -> baileysOpenSkmsg(viewers.get(0), poster.device, locked));
    }

    @Test
    void afterBaileysRepliesTheSenderKeyGoesOutAsMsg() throws Exception {
        Poster poster = new Poster();
        Viewer viewer = viewer();
        poster.encryption.startSessions(Map.of(viewer.device(), viewer.bundle()));
        byte[] first = PlaintextPadding.pad(StatusMessages.senderKeyDistribution(
                poster.encryption.currentSenderKey().message()).toByteArray(), random);
        baileysOpenPairwise(viewer, poster.device, poster.encryption.encryptPairwise(first, List.of(viewer.device()))
                .encrypted().get(viewer.device()));
        JsonObject reply = baileys.call("signalEncrypt", Json.createObjectBuilder().add("name", viewer.name())
                .add("jid", poster.device.toString()).add("plaintext", HEX.formatHex(PlaintextPadding.pad(
                        Message.newBuilder().setConversation("seen it").build().toByteArray(), random))).build());
        poster.sessions.decrypt(SignalAddress.of(viewer.device()), new EncryptedSignalMessage(
                SignalMessageType.fromEncType(reply.getString("type")), HEX.parseHex(reply.getString("ciphertext"))));

        poster.encryption.rotateSenderKey();
        SenderKeyDistribution rotated = poster.encryption.currentSenderKey();
        PairwiseCiphertext again = poster.encryption.encryptPairwise(PlaintextPadding.pad(
                StatusMessages.senderKeyDistribution(rotated.message()).toByteArray(), random), List.of(viewer.device()))
                .encrypted().get(viewer.device());
        assertEquals(PairwiseCiphertext.MSG, again.type());
        Message opened = baileysOpenPairwise(viewer, poster.device, again);
        baileys.call("groupProcessSkdm", groupArgs(viewer, poster.device).add("skdm", HEX.formatHex(
                opened.getSenderKeyDistributionMessage().getAxolotlSenderKeyDistributionMessage().toByteArray())).build());
        Message status = SignalStatusEncryptionTest.statusMessage("under the new key");
        assertEquals(status, baileysOpenSkmsg(viewer, poster.device, poster.encryption.encryptWithSenderKey(
                PlaintextPadding.pad(status.toByteArray(), random))));
    }

    private Message baileysOpenPairwise(Viewer viewer, Jid sender, PairwiseCiphertext ciphertext) throws Exception {
        JsonObject result = baileys.call("signalDecrypt", Json.createObjectBuilder().add("name", viewer.name())
                .add("jid", sender.toString()).add("type", ciphertext.type())
                .add("ciphertext", HEX.formatHex(ciphertext.ciphertext())).build());
        return Message.parseFrom(PlaintextPadding.unpad(HEX.parseHex(result.getString("plaintext"))));
    }

    private Message baileysOpenSkmsg(Viewer viewer, Jid sender, byte[] skmsg) throws Exception {
        JsonObject result = baileys.call("groupDecrypt", groupArgs(viewer, sender)
                .add("ciphertext", HEX.formatHex(skmsg)).build());
        return Message.parseFrom(PlaintextPadding.unpad(HEX.parseHex(result.getString("plaintext"))));
    }

    /** Baileys keys our sender key by the stanza's participant: our LID device, signal user {@code <lid>_1}. */
    private static jakarta.json.JsonObjectBuilder groupArgs(Viewer viewer, Jid sender) {
        SignalAddress address = SignalAddress.of(sender);
        return Json.createObjectBuilder().add("store", viewer.name()).add("group", "status@broadcast")
                .add("user", address.name()).add("device", address.deviceId());
    }
}
