package app.statustracker.wa.signal;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chain of one remote ratchet key, with the message key seeds of messages not yet received (skipped). Closed
 * (no chain key) once the peer has moved to a newer ratchet key; its skipped keys still open late messages.
 * Mutable: the cipher changes it only on a copy of the session state, committed after the MAC verified.
 */
final class ReceivingChain {
    /** libsignal-node refuses a message more than 2000 keys past the chain (fillMessageKeys). */
    static final int MAX_FORWARD_JUMP = 2000;
    /** libsignal-java's cap on stored skipped keys per chain; libsignal-node has none. Oldest go first. */
    static final int MAX_SKIPPED_KEYS = 2000;

    private final byte[] ratchetKey;
    private byte[] key;
    private int index;
    private final LinkedHashMap<Integer, byte[]> skipped;

    ReceivingChain(byte[] ratchetKey, ChainKey chainKey) {
        this(ratchetKey, chainKey.key(), chainKey.index(), new LinkedHashMap<>());
    }

    ReceivingChain(byte[] ratchetKey, byte[] key, int index, LinkedHashMap<Integer, byte[]> skipped) {
        this.ratchetKey = ratchetKey;
        this.key = key;
        this.index = index;
        this.skipped = skipped;
    }

    ReceivingChain copy() {
        return new ReceivingChain(ratchetKey, key, index, new LinkedHashMap<>(skipped));
    }

    boolean isFor(byte[] remoteRatchetKey) {
        return Arrays.equals(ratchetKey, remoteRatchetKey);
    }

    /**
     * Derives and keeps the seeds up to and including {@code counter} (an unsigned wire value), as libsignal-node's
     * fillMessageKeys does, including its 2000-ahead limit and its refusal on a closed chain.
     */
    void fillTo(int counter) throws InvalidSignalMessageException {
        long target = Integer.toUnsignedLong(counter);
        if (target < index) {
            return;
        }
        if (target - (index - 1L) > MAX_FORWARD_JUMP) {
            throw new InvalidSignalMessageException("message counter " + target + " is over " + MAX_FORWARD_JUMP
                    + " messages ahead of the chain (at " + index + ")");
        }
        if (key == null) {
            throw new InvalidSignalMessageException("message counter " + target + " is past a closed chain");
        }
        ChainKey chain = new ChainKey(key, index);
        while (chain.index() <= target) {
            skipped.put(chain.index(), chain.messageKeySeed());
            chain = chain.next();
        }
        key = chain.key();
        index = chain.index();
        Iterator<Integer> oldest = skipped.keySet().iterator();
        while (skipped.size() > MAX_SKIPPED_KEYS) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The seed for {@code counter}, removed so it cannot be used twice. */
    byte[] takeMessageKeySeed(int counter) throws InvalidSignalMessageException {
        fillTo(counter);
        byte[] seed = skipped.remove(counter);
        if (seed == null) {
            throw new DuplicateSignalMessageException("message key " + Integer.toUnsignedLong(counter)
                    + " was used already (duplicate message)");
        }
        return seed;
    }

    void close() {
        key = null;
    }

    byte[] ratchetKey() {
        return ratchetKey;
    }

    /** Null once closed. */
    byte[] key() {
        return key;
    }

    int index() {
        return index;
    }

    Map<Integer, byte[]> skipped() {
        return skipped;
    }
}
