package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Sets sender keys up (docs/protocol.md, Signal and Status stanza): creates and rotates our own chain and hands out its
 * SKDM, and takes in the SKDMs others send us. Stateless apart from the store.
 */
public final class GroupSessionBuilder {
    private final SenderKeyStore store;
    private final SecureRandom random;

    public GroupSessionBuilder(SenderKeyStore store) {
        this(store, new SecureRandom());
    }

    public GroupSessionBuilder(SenderKeyStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The SKDM of our current chain under {@code ourName}, creating the chain first when there is none (random
     * 32-byte chain key, iteration 0, fresh signing key pair, random 31-bit id). It carries the chain's current
     * iteration, so a device that gets it now can decrypt our next skmsg but none before.
     */
    public SenderKeyDistributionMessage createDistributionMessage(SenderKeyName ourName) {
        SenderKeyRecord record = store.load(ourName);
        SenderKeyState current = record.currentState().orElse(null);
        if (current == null || !current.isOwn()) {
            current = newOwnState(OptionalInt.empty());
            record.replaceWithOwnState(current);
            store.store(ourName, record);
        }
        return current.distributionMessage();
    }

    /**
     * Replaces our chain with a fresh one under a new key id and returns its SKDM. Done when a device leaves the
     * audience (docs/decisions.md): it holds the old chain key and could otherwise read every later status.
     * Devices that got the old SKDM can no longer decrypt until they get this one.
     */
    public SenderKeyDistributionMessage rotate(SenderKeyName ourName) {
        SenderKeyRecord record = store.load(ourName);
        SenderKeyState fresh = newOwnState(record.currentKeyId());
        record.replaceWithOwnState(fresh);
        store.store(ourName, record);
        return fresh.distributionMessage();
    }

    /** Takes in an SKDM from {@code senderName} (the stanza's participant, not anything inside the SKDM). */
    public void process(SenderKeyName senderName, byte[] serializedDistributionMessage) throws SenderKeyException {
        process(senderName, SenderKeyDistributionMessage.parse(serializedDistributionMessage));
    }

    public void process(SenderKeyName senderName, SenderKeyDistributionMessage distributionMessage) {
        SenderKeyRecord record = store.load(senderName);
        record.addReceivedState(distributionMessage);
        store.store(senderName, record);
    }

    private SenderKeyState newOwnState(OptionalInt previousKeyId) {
        int keyId;
        do {
            keyId = random.nextInt(Integer.MAX_VALUE);
        } while (previousKeyId.isPresent() && previousKeyId.getAsInt() == keyId);
        byte[] chainKey = new byte[SenderChainKey.LENGTH];
        random.nextBytes(chainKey);
        Curve25519KeyPair signing = Curve25519.generateKeyPair(random);
        return new SenderKeyState(keyId, new SenderChainKey(0, chainKey), signing.publicKey(), signing.privateKey());
    }
}
