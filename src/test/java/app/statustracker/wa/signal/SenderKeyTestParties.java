package app.statustracker.wa.signal;

import java.util.Arrays;
import java.util.Random;

/**
 * A sender ("alice", posting to status@broadcast from her LID device 0) and a receiver ("bob"), each with their
 * own store, as the sender-key tests need them; plus the padding the caller adds before encryption
 * (docs/protocol.md, Signal).
 */
final class SenderKeyTestParties {
    static final SenderKeyName ALICE = new SenderKeyName("status@broadcast", new SignalAddress("1000_1", 0));

    final InMemorySenderKeyStore aliceStore = new InMemorySenderKeyStore();
    final InMemorySenderKeyStore bobStore = new InMemorySenderKeyStore();
    final GroupSessionBuilder aliceBuilder = new GroupSessionBuilder(aliceStore);
    final GroupSessionBuilder bobBuilder = new GroupSessionBuilder(bobStore);
    final GroupCipher aliceCipher = new GroupCipher(aliceStore);
    final GroupCipher bobCipher = new GroupCipher(bobStore);
    final Random random;

    SenderKeyTestParties(long seed) {
        random = new Random(seed);
    }

    /** Alice makes her key and bob takes in her SKDM, as a status send does for a new viewer device. */
    SenderKeyTestParties distributed() throws SenderKeyException {
        bobBuilder.process(ALICE, aliceBuilder.createDistributionMessage(ALICE).serialize());
        return this;
    }

    byte[] encryptFromAlice(byte[] plaintext) {
        return aliceCipher.encrypt(ALICE, plaintext);
    }

    byte[] decryptAtBob(byte[] skmsg) throws SenderKeyException {
        return bobCipher.decrypt(ALICE, skmsg);
    }

    SenderKeyState bobState(int keyId) {
        return bobStore.load(ALICE).state(keyId).orElseThrow();
    }

    SenderKeyState aliceState() {
        return aliceStore.load(ALICE).currentState().orElseThrow();
    }

    /** Moves alice's chain on by n iterations without sending: what n undelivered messages would do. */
    void advanceAlice(int n) {
        SenderKeyRecord record = aliceStore.load(ALICE);
        SenderKeyState state = record.currentState().orElseThrow();
        SenderChainKey chain = state.chainKey();
        for (int i = 0; i < n; i++) {
            chain = chain.next();
        }
        state.setChainKey(chain);
        aliceStore.store(ALICE, record);
    }

    /** A random Message-sized payload padded as Baileys pads (docs/protocol.md, Signal): N bytes of value N, N in
     * 1..16. */
    byte[] paddedPlaintext() {
        byte[] message = new byte[1 + random.nextInt(300)];
        random.nextBytes(message);
        int n = 1 + random.nextInt(16);
        byte[] padded = Arrays.copyOf(message, message.length + n);
        Arrays.fill(padded, message.length, padded.length, (byte) n);
        return padded;
    }
}
