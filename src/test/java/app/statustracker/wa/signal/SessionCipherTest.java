package app.statustracker.wa.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alice and Bob, both pure Java: the ratchet, its failure modes and the record's persistence. */
class SessionCipherTest {
    private final long seed = new SecureRandom().nextLong();
    private final Random random = new Random(seed);
    private SignalTestParty alice;
    private SignalTestParty bob;

    @BeforeEach
    void parties() {
        alice = new SignalTestParty();
        bob = new SignalTestParty();
    }

    @Test
    void manyMessagesBothWaysWithPkmsgUntilTheFirstReply() throws Exception {
        PreKeyBundle bundle = bob.bundle();
        assertFalse(alice.cipher.initiate(alice.record, bundle), "first session is no identity change");
        assertTrue(alice.record.hasUnacknowledgedPreKey());

        List<EncryptedSignalMessage> opening = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opening.add(alice.encrypt("hello " + i));
        }
        byte[] baseKey = PreKeySignalMessage.parse(opening.get(0).serialized()).baseKey();
        for (EncryptedSignalMessage message : opening) {
            assertEquals(SignalMessageType.PKMSG, message.type());
            PreKeySignalMessage parsed = PreKeySignalMessage.parse(message.serialized());
            assertArrayEquals(baseKey, parsed.baseKey(), "every pkmsg repeats the base key");
            assertEquals(bundle.preKeyId(), parsed.preKeyId());
            assertEquals(alice.identity.registrationId(), parsed.registrationId());
        }
        DecryptedSignalMessage first = bob.cipher.decrypt(bob.record, opening.get(0), bob.preKeys);
        assertEquals("hello 0", new String(first.plaintext()));
        assertEquals(bundle.preKeyId(), first.consumedPreKeyId(), "the one-time pre-key is reported for removal");
        bob.preKeys.remove(first.consumedPreKeyId().getAsInt());
        // the later pkmsgs land on the session the first one made: no pre-key needed any more
        assertEquals("hello 2", bob.decrypt(opening.get(2)));
        assertEquals("hello 1", bob.decrypt(opening.get(1)));
        assertEquals(OptionalInt.of(alice.identity.registrationId()), bob.record.remoteRegistrationId());

        EncryptedSignalMessage reply = bob.encrypt("hi alice");
        assertEquals(SignalMessageType.MSG, reply.type(), "the responder never sends pkmsg");
        assertEquals("hi alice", alice.decrypt(reply));
        assertFalse(alice.record.hasUnacknowledgedPreKey());
        assertEquals(SignalMessageType.MSG, alice.encrypt("now msg").type());

        for (int round = 0; round < 25; round++) {
            exchange(alice, bob, 1 + random.nextInt(4), "a" + round);
            exchange(bob, alice, 1 + random.nextInt(4), "b" + round);
        }
    }

    @Test
    void outOfOrderAcrossRatchetTurnsUsesSkippedKeys() throws Exception {
        establish();
        List<EncryptedSignalMessage> early = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            early.add(alice.encrypt("early " + i));
        }
        assertEquals("early 5", bob.decrypt(early.get(5)));
        EncryptedSignalMessage turn = bob.encrypt("turn");
        assertEquals("turn", alice.decrypt(turn));
        List<EncryptedSignalMessage> late = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            late.add(alice.encrypt("late " + i));
        }
        // the new chain first, then the skipped ones of the old chain, shuffled
        assertEquals("late 3", bob.decrypt(late.get(3)));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        Collections.shuffle(order, random);
        for (int i : order) {
            assertEquals("early " + i, bob.decrypt(early.get(i)), "seed " + seed);
        }
        for (int i : List.of(4, 0, 2, 1)) {
            assertEquals("late " + i, bob.decrypt(late.get(i)));
        }
    }

    @Test
    void duplicateIsRejectedAndLeavesTheRecordAlone() throws Exception {
        establish();
        EncryptedSignalMessage message = alice.encrypt("once");
        assertEquals("once", bob.decrypt(message));
        byte[] before = bob.record.serialize();
        assertThrows(DuplicateSignalMessageException.class, () -> bob.decrypt(message));
        assertArrayEquals(before, bob.record.serialize());
        assertEquals("next", bob.decrypt(alice.encrypt("next")));
    }

    @Test
    void tamperedMacIsRejectedAndTheGenuineMessageStillDecrypts() throws Exception {
        establish();
        EncryptedSignalMessage message = alice.encrypt("genuine");
        byte[] bytes = message.serialized();
        bytes[bytes.length - 1 - random.nextInt(SignalMessage.MAC_LENGTH)] ^= (byte) (1 << random.nextInt(8));
        byte[] before = bob.record.serialize();
        InvalidSignalMessageException e = assertThrows(InvalidSignalMessageException.class,
                () -> bob.decrypt(new EncryptedSignalMessage(SignalMessageType.MSG, bytes)));
        assertTrue(e.getMessage().contains("bad MAC"), e.getMessage());
        assertArrayEquals(before, bob.record.serialize());
        byte[] badCiphertext = message.serialized();
        badCiphertext[badCiphertext.length - SignalMessage.MAC_LENGTH - 1] ^= 1;
        assertThrows(InvalidSignalMessageException.class,
                () -> bob.decrypt(new EncryptedSignalMessage(SignalMessageType.MSG, badCiphertext)));
        assertEquals("genuine", bob.decrypt(message));
    }

    @Test
    void wrongVersionIsRejected() throws Exception {
        alice.initiateWith(bob);
        EncryptedSignalMessage pkmsg = alice.encrypt("v");
        for (byte version : new byte[] {0x23, 0x43, 0x34, 0x03}) {
            byte[] bytes = pkmsg.serialized();
            bytes[0] = version;
            assertThrows(UnsupportedSignalVersionException.class,
                    () -> bob.decrypt(new EncryptedSignalMessage(SignalMessageType.PKMSG, bytes)));
        }
        assertEquals("v", bob.decrypt(pkmsg));
        EncryptedSignalMessage msg = bob.encrypt("w");
        byte[] bytes = msg.serialized();
        bytes[0] = 0x22;
        assertThrows(UnsupportedSignalVersionException.class,
                () -> alice.decrypt(new EncryptedSignalMessage(SignalMessageType.MSG, bytes)));
        assertEquals("w", alice.decrypt(msg));
    }

    @Test
    void badSignedPreKeySignatureIsRejected() {
        PreKeyBundle good = bob.bundle();
        byte[] signature = good.signedPreKeySignature();
        signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
        PreKeyBundle forged = new PreKeyBundle(good.registrationId(), good.identityKey(), good.signedPreKeyId(),
                good.signedPreKey(), signature, good.preKeyId(), good.preKey());
        assertThrows(InvalidSignedPreKeyException.class, () -> alice.cipher.initiate(alice.record, forged));
        assertTrue(alice.record.isEmpty());
        // signed by someone else's identity
        SignalTestParty mallory = new SignalTestParty();
        PreKeyBundle swapped = new PreKeyBundle(good.registrationId(), mallory.identity.identityKey(),
                good.signedPreKeyId(), good.signedPreKey(), good.signedPreKeySignature(), good.preKeyId(), good.preKey());
        assertThrows(InvalidSignedPreKeyException.class, () -> alice.cipher.initiate(alice.record, swapped));
    }

    @Test
    void unknownOneTimePreKeyIsRejected() throws Exception {
        alice.initiateWith(bob);
        EncryptedSignalMessage pkmsg = alice.encrypt("x");
        bob.preKeys.remove(PreKeySignalMessage.parse(pkmsg.serialized()).preKeyId().getAsInt());
        assertThrows(UnknownPreKeyException.class, () -> bob.decrypt(pkmsg));
        assertTrue(bob.record.isEmpty());
    }

    @Test
    void sessionWithoutOneTimePreKeyWorks() throws Exception {
        alice.cipher.initiate(alice.record, bob.bundle(false));
        EncryptedSignalMessage pkmsg = alice.encrypt("no opk");
        assertTrue(PreKeySignalMessage.parse(pkmsg.serialized()).preKeyId().isEmpty());
        assertEquals("no opk", bob.decrypt(pkmsg));
        exchange(bob, alice, 2, "r");
        exchange(alice, bob, 2, "s");
    }

    @Test
    void moreThan2000AheadIsRefused() throws Exception {
        establish();
        EncryptedSignalMessage farthestAllowed = null;
        EncryptedSignalMessage tooFar = null;
        for (int i = 0; i <= ReceivingChain.MAX_FORWARD_JUMP + 1; i++) {
            EncryptedSignalMessage message = alice.encrypt("n" + i);
            if (i == ReceivingChain.MAX_FORWARD_JUMP - 1) {
                farthestAllowed = message;
            }
            tooFar = message;
        }
        // Bob's receiving chain for Alice's current key is at index 1 (he read message 0 in establish())
        SessionRecord copy = SessionRecord.deserialize(bob.record.serialize());
        EncryptedSignalMessage refused = tooFar;
        InvalidSignalMessageException e = assertThrows(InvalidSignalMessageException.class, () -> bob.decrypt(refused));
        assertTrue(e.getMessage().contains("2000"), e.getMessage());
        bob.record = copy;
        assertEquals("n" + (ReceivingChain.MAX_FORWARD_JUMP - 1), bob.decrypt(farthestAllowed));
    }

    @Test
    void recordSurvivesSerializationMidConversation() throws Exception {
        establish();
        List<EncryptedSignalMessage> pending = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pending.add(alice.encrypt("p" + i));
        }
        assertEquals("p3", bob.decrypt(pending.get(3)));
        bob.record = SessionRecord.deserialize(bob.record.serialize());
        alice.record = SessionRecord.deserialize(alice.record.serialize());
        assertEquals("p1", bob.decrypt(pending.get(1)), "skipped keys survive storage");
        exchange(bob, alice, 3, "after");
        bob.record = SessionRecord.deserialize(bob.record.serialize());
        assertEquals("p0", bob.decrypt(pending.get(0)));
        assertThrows(DuplicateSignalMessageException.class, () -> bob.decrypt(pending.get(3)));
        exchange(alice, bob, 3, "more");
        assertArrayEquals(bob.record.serialize(), SessionRecord.deserialize(bob.record.serialize()).serialize());
    }

    @Test
    void archivedSessionDecryptsLateMessagesAfterReinitiation() throws Exception {
        establish();
        EncryptedSignalMessage late = alice.encrypt("from the old session");
        alice.initiateWith(bob);
        EncryptedSignalMessage fresh = alice.encrypt("new session");
        assertEquals(SignalMessageType.PKMSG, fresh.type());
        assertEquals("new session", bob.decrypt(fresh));
        assertEquals("from the old session", bob.decrypt(late));
        exchange(bob, alice, 2, "on the new one");
    }

    @Test
    void identityChangeIsReportedAndOldSessionsDropped() throws Exception {
        establish();
        EncryptedSignalMessage oldMessage = alice.encrypt("old identity");
        SignalTestParty reinstalled = new SignalTestParty(); // Alice's device with a new identity key
        reinstalled.initiateWith(bob);
        DecryptedSignalMessage result = bob.cipher.decrypt(bob.record, reinstalled.encrypt("new identity"), bob.preKeys);
        assertTrue(result.identityChanged());
        assertArrayEquals(reinstalled.identity.identityKey(), bob.record.remoteIdentityKey().orElseThrow());
        assertThrows(InvalidSignalMessageException.class, () -> bob.decrypt(oldMessage), "old sessions are gone");

        // the initiator side: a bundle with another identity than the sessions in the record
        SignalTestParty bobReinstalled = new SignalTestParty();
        assertTrue(alice.cipher.initiate(alice.record, bobReinstalled.bundle()));
        assertFalse(alice.cipher.initiate(alice.record, bobReinstalled.bundle()));
        assertEquals("x", bobReinstalled.decrypt(alice.encrypt("x")));
    }

    @Test
    void encryptWithoutSessionIsRefused() throws Exception {
        assertThrows(NoSessionException.class, () -> alice.encrypt("x"));
        establish();
        EncryptedSignalMessage msg = alice.encrypt("to someone else");
        SignalTestParty stranger = new SignalTestParty();
        assertThrows(NoSessionException.class, () -> stranger.decrypt(msg));
    }

    /** Alice initiates, Bob answers: both sides on msg from here. */
    private void establish() throws Exception {
        alice.initiateWith(bob);
        assertEquals("syn", bob.decrypt(alice.encrypt("syn")));
        assertEquals("ack", alice.decrypt(bob.encrypt("ack")));
    }

    private void exchange(SignalTestParty from, SignalTestParty to, int count, String tag) throws Exception {
        List<EncryptedSignalMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EncryptedSignalMessage message = from.encrypt(tag + "/" + i);
            assertEquals(SignalMessageType.MSG, message.type());
            messages.add(message);
        }
        for (int i = 0; i < count; i++) {
            assertEquals(tag + "/" + i, to.decrypt(messages.get(i)), "seed " + seed);
        }
    }
}
