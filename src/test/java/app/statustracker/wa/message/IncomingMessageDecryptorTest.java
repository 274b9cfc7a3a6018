package app.statustracker.wa.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.SignalPeer;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.message.MessageDecryptionException.Reason;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.EncryptedSignalMessage;
import app.statustracker.wa.signal.GroupCipher;
import app.statustracker.wa.signal.GroupSessionBuilder;
import app.statustracker.wa.signal.InMemoryIdentityKeyStore;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.InMemorySignalSessionStore;
import app.statustracker.wa.signal.LocalSignalIdentity;
import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.PreKeyBundle;
import app.statustracker.wa.signal.SenderKeyName;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalSessions;
import app.statustracker.wa.signal.SignedPreKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Incoming {@code <message>}s as the server pushes them (docs/protocol.md, Signal), encrypted by independent Java
 * peers: a contact's status (pkmsg with the SKDM, then skmsg), later statuses (skmsg only), 1:1 messages, our own
 * device's deviceSentMessage, and the failures that ask for a retry or are dropped.
 */
class IncomingMessageDecryptorTest {
    static final Jid US = Jid.of("100000000000001", 5, Jid.LID_SERVER);
    final LocalSignalIdentity ours = identity();
    final InMemoryPreKeyStore preKeys = new InMemoryPreKeyStore();
    final InMemorySignalSessionStore sessions = new InMemorySignalSessionStore();
    final InMemoryIdentityKeyStore identities = new InMemoryIdentityKeyStore();
    final InMemorySenderKeyStore senderKeys = new InMemorySenderKeyStore();
    final IncomingMessageDecryptor decryptor = new IncomingMessageDecryptor(
            new SignalSessions(new SessionCipher(ours), sessions, identities, preKeys),
            new GroupSessionBuilder(senderKeys), new GroupCipher(senderKeys));
    final SignalPeer contact = new SignalPeer(Jid.of("100000000000009", 3, Jid.LID_SERVER));
    int nextPreKey = 1;

    @Test
    void aContactsStatusOpensWithTheSenderKeyFromTheSameStanzaAndLaterOnesWithTheKeyKept() throws Exception {
        PreKeyBundle ourBundle = ourBundle();
        contact.startSessionWith(US, ourBundle);
        Message status = text("from a contact");
        DecryptedMessage first = decryptor.decrypt(contact.statusStanza(US, "3EB0S1", status, true));
        assertEquals(Jid.STATUS_BROADCAST, first.chat());
        assertEquals(contact.device, first.sender());
        assertEquals("3EB0S1", first.id());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_000L)), first.timestamp());
        assertEquals(status.getExtendedTextMessage(), first.message().getExtendedTextMessage());
        assertTrue(first.message().hasSenderKeyDistributionMessage(), "the SKDM carrier is merged in");
        assertFalse(first.senderIdentityChanged(), "first contact is trust on first use");

        SignalAddress contactAddress = SignalAddress.of(contact.device);
        assertTrue(sessions.load(contactAddress).isPresent(), "the session is stored");
        assertTrue(identities.load(contactAddress).isPresent(), "the identity is stored");
        assertTrue(preKeys.load(ourBundle.preKeyId().getAsInt()).isEmpty(), "the one-time pre-key is used up");
        assertFalse(senderKeys.load(new SenderKeyName("status@broadcast", contactAddress)).isEmpty());

        Message later = text("skmsg only");
        DecryptedMessage second = decryptor.decrypt(contact.statusStanza(US, "3EB0S2", later, false));
        assertEquals(later, second.message());

        Node replayed = contact.statusStanza(US, "3EB0S3", text("x"), false);
        decryptor.decrypt(replayed);
        MessageDecryptionException duplicate = assertThrows(MessageDecryptionException.class,
                () -> decryptor.decrypt(replayed));
        assertEquals(Reason.DUPLICATE, duplicate.reason());
        assertFalse(duplicate.reason().asksForRetry());
    }

    @Test
    void aOneToOneMessageIsAddressedByFromAndAnOwnDevicesCopyIsUnwrapped() throws Exception {
        SignalPeer phone = new SignalPeer(Jid.of("15550000007", 2, Jid.USER_SERVER));
        phone.startSessionWith(US, ourBundle());
        Message hello = Message.newBuilder().setConversation("hi there").build();
        DecryptedMessage direct = decryptor.decrypt(pairwise(phone, hello, null));
        assertEquals(Jid.of("15550000007", Jid.USER_SERVER), direct.chat());
        assertEquals(phone.device, direct.sender());
        assertEquals(hello, direct.message());

        Message copy = Message.newBuilder().setDeviceSentMessage(Message.DeviceSentMessage.newBuilder()
                .setMessage(Message.newBuilder().setConversation("sent elsewhere"))).build();
        assertEquals("sent elsewhere", decryptor.decrypt(pairwise(phone, copy, null)).message().getConversation());
    }

    @Test
    void failuresSayWhetherToRetryAndWhetherOurKeysAreNeeded() throws Exception {
        // an skmsg from someone whose key we never got, with no pairwise part: the sender needs a session
        contact.statusSenderKeyCarrier();
        Node skmsgOnly = contact.statusStanza(US, "3EB0F1", text("lost"), false);
        MessageDecryptionException noKey = assertThrows(MessageDecryptionException.class,
                () -> decryptor.decrypt(skmsgOnly));
        assertEquals(Reason.NO_SENDER_KEY, noKey.reason());
        assertTrue(noKey.retryNeedsOurKeys());

        // a msg without any session with its sender
        SignalPeer stranger = new SignalPeer(Jid.of("100000000000010", 1, Jid.LID_SERVER));
        SignalPeer us = new SignalPeer(US);
        stranger.startSessionWith(US, us.bundle());
        us.openPairwise(stranger.device, "pkmsg", stranger.encryptFor(US, text("warm-up")).serialized());
        stranger.sessions.decrypt(SignalAddress.of(US), us.encryptFor(stranger.device, text("reply")));
        Node msg = pairwise(stranger, text("msg now"), null);
        assertEquals("msg", msg.child("enc").orElseThrow().attr("type"));
        MessageDecryptionException noSession = assertThrows(MessageDecryptionException.class,
                () -> decryptor.decrypt(msg));
        assertEquals(Reason.NO_SESSION, noSession.reason());
        assertTrue(noSession.retryNeedsOurKeys());

        // a corrupted pkmsg: undecryptable, and it changed nothing, so the intact one still opens
        contact.startSessionWith(US, ourBundle());
        Node good = contact.statusStanza(US, "3EB0F2", text("intact"), true);
        Node pkmsg = good.children("enc").get(0);
        byte[] broken = pkmsg.contentBytes();
        broken[broken.length / 2] ^= 1;
        Node corrupted = good.withChildren(List.of(Node.builder("enc").attr("v", "2").attr("type", "pkmsg")
                .bytes(broken).build(), good.children("enc").get(1)));
        MessageDecryptionException bad = assertThrows(MessageDecryptionException.class,
                () -> decryptor.decrypt(corrupted));
        assertEquals(Reason.UNDECRYPTABLE, bad.reason());
        assertFalse(bad.retryNeedsOurKeys());
        assertEquals("intact", decryptor.decrypt(good).message().getExtendedTextMessage().getText());

        Node noParticipant = Node.builder("message").attr("from", "status@broadcast").attr("id", "X")
                .children(good.children()).build();
        assertEquals(Reason.MALFORMED, assertThrows(MessageDecryptionException.class,
                () -> decryptor.decrypt(noParticipant)).reason());
        assertFalse(IncomingMessageDecryptor.hasEncryptedContent(Node.builder("message").attr("id", "Y").build()));
    }

    private Node pairwise(SignalPeer from, Message message, String participant) {
        EncryptedSignalMessage encrypted = from.encryptFor(US, message);
        var stanza = Node.builder("message").attr("from", from.device).attr("id", "3EB0P" + nextPreKey++)
                .attr("type", "text").attr("t", "1700000001");
        if (participant != null) {
            stanza.attr("participant", participant);
        }
        return stanza.children(Node.builder("enc").attr("v", "2").attr("type", encrypted.type().encType())
                .bytes(encrypted.serialized()).build()).build();
    }

    private PreKeyBundle ourBundle() {
        PreKey oneTime = PreKey.generate(nextPreKey++);
        preKeys.store(List.of(oneTime));
        SignedPreKey signed = ours.signedPreKey();
        return new PreKeyBundle(ours.registrationId(), ours.identityKey(), signed.id(), signed.keyPair().publicKey(),
                signed.signature(), OptionalInt.of(oneTime.id()), oneTime.keyPair().publicKey());
    }

    static Message text(String text) {
        return Message.newBuilder().setExtendedTextMessage(Message.ExtendedTextMessage.newBuilder().setText(text))
                .build();
    }

    private static LocalSignalIdentity identity() {
        Curve25519KeyPair identity = Curve25519.generateKeyPair();
        return new LocalSignalIdentity(identity, 1234, SignedPreKey.generate(identity, 3));
    }
}
