package app.statustracker.wa.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many retry receipts we sent per incoming message, so that a message that never decrypts does not bounce
 * between us and the sender forever (docs/protocol.md, Retries: whatsmeow stops at 5). In memory and bounded; after a
 * restart the count starts again from the {@code count} a re-sent message carries (whatsmeow does the same).
 * Thread-safe.
 */
public final class RetryCounter {
    /** whatsmeow sends no retry receipt once the count would reach 5: at most four per message. */
    public static final int MAX_RETRIES = 4;
    private static final int REMEMBERED = 1024;

    private final Map<String, Integer> counts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * The count for the next retry receipt of this message (1, 2, …), or 0 when we have asked often enough.
     *
     * @param key           the message as a sender names it (chat, sender, id)
     * @param countInStanza the {@code count} of the {@code <enc>} when the failed message was itself a re-send
     */
    public synchronized int next(String key, int countInStanza) {
        int count = counts.getOrDefault(key, 0) + 1;
        if (count == 1 && countInStanza > 0) {
            count = countInStanza + 1;
        }
        counts.put(key, count);
        return count > MAX_RETRIES ? 0 : count;
    }

    /** A message that finally decrypted needs no further count. */
    public synchronized void forget(String key) {
        counts.remove(key);
    }
}
