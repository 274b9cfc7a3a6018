package app.statustracker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which sessions are posting a status right now. Until the server acks a post its row carries a provisional id,
 * so receipts for the new WhatsApp id can arrive before the row knows it; the receipt recorder holds such
 * receipts back (unacked) while a post of their session is in flight, instead of dropping them as unknown.
 */
@ApplicationScoped
public class PostsInFlight {
    private final ConcurrentHashMap<String, AtomicInteger> posting = new ConcurrentHashMap<>();

    public void started(String sessionId) {
        posting.computeIfAbsent(sessionId, k -> new AtomicInteger()).incrementAndGet();
    }

    public void finished(String sessionId) {
        posting.computeIfPresent(sessionId, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    public boolean isPosting(String sessionId) {
        return posting.containsKey(sessionId);
    }
}
