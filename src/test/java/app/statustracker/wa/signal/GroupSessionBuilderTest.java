package app.statustracker.wa.signal;

import static app.statustracker.wa.signal.SenderKeyTestParties.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.crypto.Curve25519;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Creating, handing out, taking in and rotating sender keys (docs/protocol.md, Signal and Status stanza;
 * docs/decisions.md). */
class GroupSessionBuilderTest {

    @Test
    void ourKeyIsCreatedOnceAndItsSkdmFollowsTheChain() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(20);
        SenderKeyDistributionMessage first = parties.aliceBuilder.createDistributionMessage(ALICE);
        assertEquals(0, first.iteration());
        assertTrue(first.keyId() >= 0, "31-bit key id");
        SenderKeyState own = parties.aliceState();
        assertTrue(own.isOwn());
        assertArrayEquals(Curve25519.publicKeyOf(own.signingPrivateKey()), first.signingPublicKey());

        for (int i = 0; i < 3; i++) {
            parties.encryptFromAlice(parties.paddedPlaintext());
        }
        SenderKeyDistributionMessage later = parties.aliceBuilder.createDistributionMessage(ALICE);
        assertEquals(first.keyId(), later.keyId());
        assertArrayEquals(first.signingPublicKey(), later.signingPublicKey());
        assertEquals(3, later.iteration(), "the SKDM carries the current chain state");
        SenderChainKey expected = new SenderChainKey(0, first.chainKey()).next().next().next();
        assertArrayEquals(expected.key(), later.chainKey());
    }

    @Test
    void aLateJoinerReadsFromTheSkdmOnNotBefore() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(21);
        parties.aliceBuilder.createDistributionMessage(ALICE);
        byte[] before = parties.encryptFromAlice(parties.paddedPlaintext());
        parties.distributed(); // SKDM at iteration 1
        byte[] plaintext = parties.paddedPlaintext();
        assertArrayEquals(plaintext, parties.decryptAtBob(parties.encryptFromAlice(plaintext)));
        assertThrows(SenderKeyDuplicateMessageException.class, () -> parties.decryptAtBob(before));
    }

    @Test
    void rotationGivesANewKeyWhileReceiversKeepTheOldOne() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(22);
        SenderKeyDistributionMessage oldKey = parties.aliceBuilder.createDistributionMessage(ALICE);
        byte[] oldPlain0 = parties.paddedPlaintext();
        byte[] oldPlain1 = parties.paddedPlaintext();
        byte[] old0 = parties.encryptFromAlice(oldPlain0);
        byte[] old1 = parties.encryptFromAlice(oldPlain1);

        SenderKeyDistributionMessage newKey = parties.aliceBuilder.rotate(ALICE);
        assertNotEquals(oldKey.keyId(), newKey.keyId());
        assertEquals(0, newKey.iteration());
        assertFalse(Arrays.equals(oldKey.signingPublicKey(), newKey.signingPublicKey()));
        assertFalse(Arrays.equals(oldKey.chainKey(), newKey.chainKey()));
        SenderKeyRecord aliceRecord = parties.aliceStore.load(ALICE);
        assertEquals(newKey.keyId(), aliceRecord.currentKeyId().getAsInt(), "the caller sees the rotation");
        assertEquals(1, aliceRecord.states().size(), "we only ever send with the newest key");
        assertEquals(newKey.keyId(), parties.aliceBuilder.createDistributionMessage(ALICE).keyId());

        byte[] newPlain = parties.paddedPlaintext();
        byte[] new0 = parties.encryptFromAlice(newPlain);
        assertEquals(newKey.keyId(), SenderKeyMessage.parse(new0).keyId());

        parties.bobBuilder.process(ALICE, oldKey.serialize());
        parties.bobBuilder.process(ALICE, newKey.serialize());
        SenderKeyRecord bobRecord = parties.bobStore.load(ALICE);
        assertEquals(List.of(newKey.keyId(), oldKey.keyId()), bobRecord.states().stream().map(SenderKeyState::keyId).toList());
        assertArrayEquals(newPlain, parties.decryptAtBob(new0));
        assertArrayEquals(oldPlain1, parties.decryptAtBob(old1));
        assertArrayEquals(oldPlain0, parties.decryptAtBob(old0));
    }

    @Test
    void aRepeatedSkdmKeepsTheStateWeHave() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(23).distributed();
        byte[] plain1 = parties.paddedPlaintext();
        byte[] m0 = parties.encryptFromAlice(parties.paddedPlaintext());
        byte[] m1 = parties.encryptFromAlice(plain1);
        byte[] m2 = parties.encryptFromAlice(parties.paddedPlaintext());
        parties.decryptAtBob(m0);
        parties.decryptAtBob(m2);
        // Baileys sends the SKDM again with every status, now at iteration 3
        parties.distributed();
        int keyId = parties.aliceState().keyId();
        assertEquals(1, parties.bobStore.load(ALICE).states().size());
        assertEquals(1, parties.bobState(keyId).skippedMessageKeyCount(), "the key for iteration 1 survived");
        assertArrayEquals(plain1, parties.decryptAtBob(m1));
        assertThrows(SenderKeyDuplicateMessageException.class, () -> parties.decryptAtBob(m2));
    }

    @Test
    void aRepeatedSkdmFarAheadMovesTheChainThere() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(24).distributed();
        parties.advanceAlice(GroupCipher.MAX_FORWARD_JUMP + 500);
        parties.distributed();
        byte[] plaintext = parties.paddedPlaintext();
        assertArrayEquals(plaintext, parties.decryptAtBob(parties.encryptFromAlice(plaintext)));
    }

    @Test
    void theSameKeyIdWithAnotherSigningKeyReplacesTheChain() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(25).distributed();
        byte[] genuine = parties.encryptFromAlice(parties.paddedPlaintext());
        SenderKeyState alice = parties.aliceState();
        byte[] otherChain = new byte[32];
        parties.random.nextBytes(otherChain);
        parties.bobBuilder.process(ALICE, new SenderKeyDistributionMessage(alice.keyId(), 0, otherChain,
                Curve25519.generateKeyPair().publicKey()));
        assertEquals(1, parties.bobStore.load(ALICE).states().size());
        assertEquals(SenderKeyException.class,
                assertThrows(SenderKeyException.class, () -> parties.decryptAtBob(genuine)).getClass(),
                "the replaced chain's signing key no longer verifies alice's message");
    }

    @Test
    void aReceiverKeepsTheFiveNewestChains() throws SenderKeyException {
        SenderKeyTestParties parties = new SenderKeyTestParties(26);
        List<Integer> keyIds = new ArrayList<>();
        List<byte[]> firstMessages = new ArrayList<>();
        for (int i = 0; i < SenderKeyRecord.MAX_STATES + 1; i++) {
            SenderKeyDistributionMessage skdm = parties.aliceBuilder.rotate(ALICE);
            keyIds.add(0, skdm.keyId());
            parties.bobBuilder.process(ALICE, skdm.serialize());
            firstMessages.add(parties.encryptFromAlice(parties.paddedPlaintext()));
        }
        SenderKeyRecord bob = parties.bobStore.load(ALICE);
        assertEquals(keyIds.subList(0, SenderKeyRecord.MAX_STATES), bob.states().stream().map(SenderKeyState::keyId).toList());
        assertEquals(keyIds.get(0), bob.currentKeyId().getAsInt());
        assertThrows(SenderKeyNotFoundException.class, () -> parties.decryptAtBob(firstMessages.get(0)));
        for (byte[] kept : firstMessages.subList(1, firstMessages.size())) {
            parties.decryptAtBob(kept);
        }
    }

    @Test
    void aMalformedSkdmIsRefusedBeforeTheStoreIsTouched() {
        SenderKeyTestParties parties = new SenderKeyTestParties(27);
        assertThrows(SenderKeyException.class, () -> parties.bobBuilder.process(ALICE, new byte[] {0x33, 0x08}));
        assertFalse(parties.bobStore.contains(ALICE));
    }
}
