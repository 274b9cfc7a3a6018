package app.statustracker.wa.signal;

import static app.statustracker.wa.signal.SenderKeyTestParties.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored sender-key records: what survives serialization (a restart) in the middle of a chain. */
class SenderKeyRecordTest {

    @Test
    void anEmptyRecordHasNoCurrentKey() {
        SenderKeyRecord empty = SenderKeyRecord.deserialize(new SenderKeyRecord().serialize());
        assertTrue(empty.isEmpty());
        assertTrue(empty.currentKeyId().isEmpty());
        assertTrue(empty.currentState().isEmpty());
    }

    @Test
    void bothSidesContinueAfterARoundTripMidChain() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(30).distributed();
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> skmsgs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            plaintexts.add(parties.paddedPlaintext());
            skmsgs.add(parties.encryptFromAlice(plaintexts.get(i)));
        }
        parties.decryptAtBob(skmsgs.get(0));
        parties.decryptAtBob(skmsgs.get(5)); // keeps keys for 1..4

        byte[] bobBytes = parties.bobStore.load(ALICE).serialize();
        SenderKeyRecord bob = SenderKeyRecord.deserialize(bobBytes);
        assertArrayEquals(bobBytes, bob.serialize(), "serialization is stable");
        SenderKeyState state = bob.currentState().orElseThrow();
        assertFalse(state.isOwn(), "a receiver never holds the signing private key");
        assertEquals(6, state.iteration());
        assertEquals(4, state.skippedMessageKeyCount());

        SenderKeyRecord alice = SenderKeyRecord.deserialize(parties.aliceStore.load(ALICE).serialize());
        assertTrue(alice.currentState().orElseThrow().isOwn());
        assertEquals(8, alice.currentState().orElseThrow().iteration());

        // fresh stores holding only the deserialized records, as after a restart
        InMemorySenderKeyStore aliceStore = new InMemorySenderKeyStore();
        InMemorySenderKeyStore bobStore = new InMemorySenderKeyStore();
        aliceStore.store(ALICE, alice);
        bobStore.store(ALICE, bob);
        GroupCipher bobCipher = new GroupCipher(bobStore);
        byte[] next = parties.paddedPlaintext();
        byte[] skmsg8 = new GroupCipher(aliceStore).encrypt(ALICE, next);
        assertEquals(8, SenderKeyMessage.parse(skmsg8).iteration());
        assertArrayEquals(next, bobCipher.decrypt(ALICE, skmsg8));
        for (int i : new int[] {3, 1, 7, 2, 6, 4}) {
            assertArrayEquals(plaintexts.get(i), bobCipher.decrypt(ALICE, skmsgs.get(i)), "message " + i);
        }
        assertThrows(SenderKeyDuplicateMessageException.class, () -> bobCipher.decrypt(ALICE, skmsgs.get(5)));
    }

    @Test
    void severalStatesKeepTheirOrder() {
        SenderKeyTestParties parties = new SenderKeyTestParties(31);
        for (int i = 0; i < 3; i++) {
            parties.bobBuilder.process(ALICE, parties.aliceBuilder.rotate(ALICE));
        }
        SenderKeyRecord bob = parties.bobStore.load(ALICE);
        SenderKeyRecord copy = SenderKeyRecord.deserialize(bob.serialize());
        assertEquals(bob.states().stream().map(SenderKeyState::keyId).toList(),
                copy.states().stream().map(SenderKeyState::keyId).toList());
        assertEquals(parties.aliceState().keyId(), copy.currentKeyId().getAsInt());
        for (SenderKeyState state : copy.states()) {
            assertArrayEquals(bob.state(state.keyId()).orElseThrow().signingPublicKey(), state.signingPublicKey());
        }
    }

    @Test
    void bytesThatAreNoRecordAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SenderKeyRecord.deserialize(new byte[] {0x0A, 0x05, 0x01}));
    }
}
