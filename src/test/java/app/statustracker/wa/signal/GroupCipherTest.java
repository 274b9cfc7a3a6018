package app.statustracker.wa.signal;

import static app.statustracker.wa.signal.SenderKeyTestParties.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.wa.crypto.Curve25519;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Encrypt/decrypt with sender keys between two in-memory parties (docs/protocol.md, Signal). */
class GroupCipherTest {

    @Test
    void manyMessagesDecryptInOrder() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(1).distributed();
        for (int i = 0; i < 60; i++) {
            byte[] plaintext = parties.paddedPlaintext();
            byte[] skmsg = parties.encryptFromAlice(plaintext);
            assertEquals(i, SenderKeyMessage.parse(skmsg).iteration());
            assertArrayEquals(plaintext, parties.decryptAtBob(skmsg), "message " + i);
        }
        SenderKeyState bob = parties.bobState(parties.aliceState().keyId());
        assertEquals(60, bob.iteration());
        assertEquals(0, bob.skippedMessageKeyCount());
        assertEquals(60, parties.aliceState().iteration());
    }

    @Test
    void samePlaintextTwiceGivesDifferentCiphertexts() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(2).distributed();
        byte[] plaintext = parties.paddedPlaintext();
        byte[] first = parties.encryptFromAlice(plaintext);
        byte[] second = parties.encryptFromAlice(plaintext);
        assertFalse(Arrays.equals(SenderKeyMessage.parse(first).ciphertext(), SenderKeyMessage.parse(second).ciphertext()),
                "each iteration has its own key and iv");
    }

    @Test
    void outOfOrderWithinTheWindowDecrypts() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(3).distributed();
        List<byte[][]> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] plaintext = parties.paddedPlaintext();
            sent.add(new byte[][] {plaintext, parties.encryptFromAlice(plaintext)});
        }
        Collections.shuffle(sent, new Random(3));
        for (byte[][] message : sent) {
            assertArrayEquals(message[0], parties.decryptAtBob(message[1]));
        }
        SenderKeyState bob = parties.bobState(parties.aliceState().keyId());
        assertEquals(0, bob.skippedMessageKeyCount(), "every kept key was used once");
        assertEquals(40, bob.iteration());
    }

    @Test
    void skippedIterationsAreKeptUntilTheyArrive() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(4).distributed();
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> skmsgs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            plaintexts.add(parties.paddedPlaintext());
            skmsgs.add(parties.encryptFromAlice(plaintexts.get(i)));
        }
        // Baileys' own sender uses iterations 0, 2, 4, … (docs/protocol.md, Signal): the odd ones never come
        for (int i = 0; i < 10; i += 2) {
            assertArrayEquals(plaintexts.get(i), parties.decryptAtBob(skmsgs.get(i)));
        }
        int keyId = parties.aliceState().keyId();
        assertEquals(4, parties.bobState(keyId).skippedMessageKeyCount(), "keys for 1, 3, 5, 7");
        assertArrayEquals(plaintexts.get(3), parties.decryptAtBob(skmsgs.get(3)));
        assertEquals(3, parties.bobState(keyId).skippedMessageKeyCount());
        assertEquals(9, parties.bobState(keyId).iteration());
    }

    @Test
    void aDuplicateIsRejectedAsDuplicate() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(5).distributed();
        byte[] first = parties.encryptFromAlice(parties.paddedPlaintext());
        byte[] second = parties.encryptFromAlice(parties.paddedPlaintext());
        byte[] third = parties.encryptFromAlice(parties.paddedPlaintext());
        parties.decryptAtBob(first);
        parties.decryptAtBob(third);
        parties.decryptAtBob(second);
        // in-order one, kept-key one and newest one: all three gone after use
        for (byte[] again : List.of(first, second, third)) {
            assertThrows(SenderKeyDuplicateMessageException.class, () -> parties.decryptAtBob(again));
        }
    }

    @Test
    void aBadSignatureIsRejectedAndChangesNothing() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(6).distributed();
        byte[] plaintext = parties.paddedPlaintext();
        byte[] skmsg = parties.encryptFromAlice(plaintext);
        Random random = new Random(6);
        for (int i = 0; i < 20; i++) {
            byte[] tampered = skmsg.clone();
            // anywhere after the version byte: proto fields, ciphertext or signature
            int bit = 8 + random.nextInt((tampered.length - 1) * 8);
            tampered[bit >>> 3] ^= (byte) (1 << (bit & 7));
            SenderKeyException e = assertThrows(SenderKeyException.class, () -> parties.decryptAtBob(tampered));
            if (!(e instanceof SenderKeyNotFoundException)) { // a flipped key id names no state
                assertEquals(SenderKeyException.class, e.getClass(), e.getMessage());
            }
        }
        // a message with the right key id, signed by someone else
        SenderKeyMessage original = SenderKeyMessage.parse(skmsg);
        byte[] forged = SenderKeyMessage.sign(original.keyId(), original.iteration(), original.ciphertext(),
                Curve25519.generateKeyPair().privateKey()).serialize();
        SenderKeyException e = assertThrows(SenderKeyException.class, () -> parties.decryptAtBob(forged));
        assertEquals(SenderKeyException.class, e.getClass());

        assertEquals(0, parties.bobState(original.keyId()).iteration(), "nothing was consumed");
        assertArrayEquals(plaintext, parties.decryptAtBob(skmsg));
    }

    @Test
    void aCiphertextThatDoesNotDecryptUsesUpNoKeys() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(7).distributed();
        SenderKeyState alice = parties.aliceState();
        // correctly signed by the sender, but not AES-CBC of anything under iteration 3's key
        byte[] garbage = SenderKeyMessage.sign(alice.keyId(), 3, new byte[32], alice.signingPrivateKey()).serialize();
        assertEquals(SenderKeyException.class,
                assertThrows(SenderKeyException.class, () -> parties.decryptAtBob(garbage)).getClass());
        SenderKeyState bob = parties.bobState(alice.keyId());
        assertEquals(0, bob.iteration());
        assertEquals(0, bob.skippedMessageKeyCount());

        byte[] plaintext = parties.paddedPlaintext();
        assertArrayEquals(plaintext, parties.decryptAtBob(parties.encryptFromAlice(plaintext)));
    }

    @Test
    void atMost2000IterationsAheadAreAccepted() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(8).distributed();
        parties.advanceAlice(GroupCipher.MAX_FORWARD_JUMP);
        byte[] atLimit = parties.paddedPlaintext();
        byte[] skmsgAtLimit = parties.encryptFromAlice(atLimit); // iteration 2000, chain of bob at 0
        parties.advanceAlice(GroupCipher.MAX_FORWARD_JUMP + 1);
        byte[] beyond = parties.encryptFromAlice(parties.paddedPlaintext()); // iteration 4002, bob will be at 2001

        assertArrayEquals(atLimit, parties.decryptAtBob(skmsgAtLimit));
        int keyId = parties.aliceState().keyId();
        assertEquals(2000, parties.bobState(keyId).skippedMessageKeyCount());
        SenderKeyException e = assertThrows(SenderKeyException.class, () -> parties.decryptAtBob(beyond));
        assertEquals(SenderKeyException.class, e.getClass());
        assertEquals(2001, parties.bobState(keyId).iteration(), "a refused jump leaves the chain where it was");
    }

    @Test
    void skippedKeysAreCappedOldestFirst() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(9).distributed();
        parties.advanceAlice(998);
        byte[] plaintext999 = parties.paddedPlaintext();
        byte[] skmsg998 = parties.encryptFromAlice(parties.paddedPlaintext());
        byte[] skmsg999 = parties.encryptFromAlice(plaintext999);
        parties.advanceAlice(1500 - 1000);
        byte[] skmsg1500 = parties.encryptFromAlice(parties.paddedPlaintext());
        parties.advanceAlice(3000 - 1501);
        byte[] skmsg3000 = parties.encryptFromAlice(parties.paddedPlaintext());

        parties.decryptAtBob(skmsg1500); // keeps 0..1499
        parties.decryptAtBob(skmsg3000); // adds 1501..2999: 2999 keys, the oldest 999 (0..998) dropped
        int keyId = parties.aliceState().keyId();
        assertEquals(SenderKeyState.MAX_SKIPPED_MESSAGE_KEYS, parties.bobState(keyId).skippedMessageKeyCount());
        assertThrows(SenderKeyDuplicateMessageException.class, () -> parties.decryptAtBob(skmsg998));
        assertArrayEquals(plaintext999, parties.decryptAtBob(skmsg999));
    }

    @Test
    void anUnknownKeyIdAsksForTheSenderKey() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(10);
        parties.aliceBuilder.createDistributionMessage(ALICE);
        byte[] skmsg = parties.encryptFromAlice(parties.paddedPlaintext());
        SenderKeyNotFoundException never = assertThrows(SenderKeyNotFoundException.class, () -> parties.decryptAtBob(skmsg));
        assertEquals(parties.aliceState().keyId(), never.keyId());
        assertEquals(ALICE, never.senderKeyName());

        // bob has alice's first key, alice has rotated since and bob missed the new SKDM
        parties.distributed();
        SenderKeyDistributionMessage rotated = parties.aliceBuilder.rotate(ALICE);
        byte[] afterRotation = parties.encryptFromAlice(parties.paddedPlaintext());
        SenderKeyNotFoundException missed = assertThrows(SenderKeyNotFoundException.class,
                () -> parties.decryptAtBob(afterRotation));
        assertEquals(rotated.keyId(), missed.keyId());
    }

    @Test
    void encryptingWithoutOwnKeyIsACallerBug() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(11);
        assertThrows(IllegalStateException.class, () -> parties.encryptFromAlice(new byte[] {1}));
        // a received chain under a name is not ours to encrypt with
        parties.distributed();
        assertThrows(IllegalStateException.class, () -> parties.bobCipher.encrypt(ALICE, new byte[] {1}));
    }
}
