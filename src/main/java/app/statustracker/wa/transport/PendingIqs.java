package app.statustracker.wa.transport;

import app.statustracker.wa.binary.Node;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The iqs we sent and still wait for, by id. The server answers an iq with an iq of the same id and type
 * {@code result} or {@code error} (docs/protocol.md, Login); such an answer completes the waiting future.
 * Timeouts run on the shared scheduler, so waiting costs no thread.
 */
final class PendingIqs {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    // ids only need to be unique per connection; a random prefix keeps them apart across reconnects in logs
    private final String idPrefix;
    private final AtomicLong counter = new AtomicLong();

    private record Waiting(CompletableFuture<Node> answer, ScheduledFuture<?> timeout) {
    }

    PendingIqs(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        byte[] prefix = new byte[4];
        RANDOM.nextBytes(prefix);
        this.idPrefix = HexFormat.of().formatHex(prefix) + ".";
    }

    String nextId() {
        return idPrefix + counter.incrementAndGet();
    }

    /** Registers a wait for the answer to {@code id}; call before the iq goes out so a fast answer is not lost. */
    CompletableFuture<Node> expect(String id, Duration timeout) {
        CompletableFuture<Node> answer = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (waiting.remove(id) != null) {
                answer.completeExceptionally(new IqTimeoutException(id, timeout));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (waiting.putIfAbsent(id, new Waiting(answer, timer)) != null) {
            timer.cancel(false);
            answer.completeExceptionally(new IllegalStateException("an iq with id " + id + " is already pending"));
        }
        return answer;
    }

    /** Completes the matching wait; false when {@code node} answers nothing we asked. */
    boolean complete(Node node) {
        if (!"iq".equals(node.tag())) {
            return false;
        }
        String type = node.attr("type");
        String id = node.attr("id");
        if (id == null || !("result".equals(type) || "error".equals(type))) {
            return false;
        }
        Waiting entry = waiting.remove(id);
        if (entry == null) {
            return false;
        }
        entry.timeout.cancel(false);
        entry.answer.complete(node);
        return true;
    }

    /** Fails one wait, e.g. when its iq could not be sent. */
    void fail(String id, Throwable failure) {
        Waiting entry = waiting.remove(id);
        if (entry != null) {
            entry.timeout.cancel(false);
            entry.answer.completeExceptionally(failure);
        }
    }

    void failAll(Throwable failure) {
        for (String id : waiting.keySet()) {
            fail(id, failure);
        }
    }
}
