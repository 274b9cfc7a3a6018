package app.statustracker.wa.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encrypts with our own sender key and decrypts skmsgs from others (docs/protocol.md, Signal). Plaintexts are
 * the padded Message bytes (docs/protocol.md, Signal): padding and unpadding are the caller's. Stateless apart from
 * the store.
 */
public final class GroupCipher {
    /** A message may be at most this many iterations ahead of the chain (libsignal, Baileys, whatsmeow). */
    public static final int MAX_FORWARD_JUMP = 2000;

    private final SenderKeyStore store;

    public GroupCipher(SenderKeyStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * skmsg bytes for {@code paddedPlaintext} at our chain's current iteration, which then advances by one.
     * Our chain must exist ({@link GroupSessionBuilder#createDistributionMessage}); otherwise this is a caller bug.
     */
    public byte[] encrypt(SenderKeyName ourName, byte[] paddedPlaintext) {
        SenderKeyRecord record = store.load(ourName);
        SenderKeyState state = record.currentState()
                .filter(SenderKeyState::isOwn)
                .orElseThrow(() -> new IllegalStateException("no own sender key for " + ourName + "; create it first"));
        SenderChainKey chain = state.chainKey();
        byte[] ciphertext = chain.messageKey().encrypt(paddedPlaintext);
        SenderKeyMessage message = SenderKeyMessage.sign(state.keyId(), chain.iteration(), ciphertext,
                state.signingPrivateKey());
        state.setChainKey(chain.next());
        store.store(ourName, record);
        return message.serialize();
    }

    /**
     * The padded plaintext of an skmsg from {@code senderName}. The record changes (and is stored) only when the
     * message decrypts, so a bad message cannot use up keys.
     *
     * @throws SenderKeyNotFoundException no chain with the message's key id: ask for a retry
     * (docs/protocol.md, Retries)
     * @throws SenderKeyDuplicateMessageException an iteration already decrypted or too old: drop it
     * @throws SenderKeyException malformed, bad signature, more than {@value #MAX_FORWARD_JUMP} ahead, bad ciphertext
     */
    public byte[] decrypt(SenderKeyName senderName, byte[] serializedMessage) throws SenderKeyException {
        SenderKeyMessage message = SenderKeyMessage.parse(serializedMessage);
        SenderKeyRecord record = store.load(senderName);
        SenderKeyState state = record.state(message.keyId())
                .orElseThrow(() -> new SenderKeyNotFoundException(senderName, message.keyId()));
        if (!message.verifySignature(state.signingPublicKey())) {
            throw new SenderKeyException("skmsg signature from " + senderName + " does not verify");
        }
        byte[] plaintext = message.iteration() < state.iteration()
                ? decryptWithSkippedKey(senderName, state, message)
                : decryptAhead(senderName, state, message);
        store.store(senderName, record);
        return plaintext;
    }

    /** An iteration behind the chain: only a key we kept while skipping it can open it, and only once. */
    private static byte[] decryptWithSkippedKey(SenderKeyName senderName, SenderKeyState state, SenderKeyMessage message)
            throws SenderKeyException {
        int iteration = message.iteration();
        SenderMessageKey kept = state.skippedMessageKey(iteration)
                .orElseThrow(() -> new SenderKeyDuplicateMessageException("skmsg iteration " + iteration
                        + " from " + senderName + " already used or too old (chain at " + state.iteration() + ")"));
        byte[] plaintext = kept.decrypt(message.ciphertext());
        state.removeSkippedMessageKey(iteration);
        return plaintext;
    }

    /** The chain's iteration or later: step the chain there, keeping the keys of the iterations passed over. */
    private static byte[] decryptAhead(SenderKeyName senderName, SenderKeyState state, SenderKeyMessage message)
            throws SenderKeyException {
        int iteration = message.iteration();
        SenderChainKey chain = state.chainKey();
        if (iteration - chain.iteration() > MAX_FORWARD_JUMP) {
            throw new SenderKeyException("skmsg iteration " + iteration + " from " + senderName
                    + " is more than " + MAX_FORWARD_JUMP + " ahead of " + chain.iteration());
        }
        List<SenderMessageKey> skipped = new ArrayList<>();
        while (chain.iteration() < iteration) {
            skipped.add(chain.messageKey());
            chain = chain.next();
        }
        byte[] plaintext = chain.messageKey().decrypt(message.ciphertext());
        skipped.forEach(state::addSkippedMessageKey);
        state.setChainKey(chain.next());
        return plaintext;
    }
}
