package app.statustracker.wa.status;

import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Messages we sent and whose server {@code <ack class="message" id>} we still wait for
 * (docs/protocol.md, Status stanza), like the transport's pending iqs but keyed by message id. Timeouts run on the
 * shared scheduler. One instance per connection: acks do not survive a reconnect, so {@link #failAll} ends every wait
 * when the connection closes.
 */
public final class PendingMessageAcks {
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    private record Waiting(CompletableFuture<MessageAck> ack, ScheduledFuture<?> timeout) {
    }

    public PendingMessageAcks(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Registers a wait for the ack of message {@code id}; call before the message goes out. Fails with a
     * {@link TimeoutException} when no ack comes within {@code timeout}.
     */
    public CompletableFuture<MessageAck> expect(String id, Duration timeout) {
        CompletableFuture<MessageAck> ack = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (waiting.remove(id) != null) {
                ack.completeExceptionally(new TimeoutException(
                        "no server ack for message " + id + " within " + timeout.toMillis() + " ms"));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (waiting.putIfAbsent(id, new Waiting(ack, timer)) != null) {
            timer.cancel(false);
            ack.completeExceptionally(new IllegalStateException("already waiting for the ack of message " + id));
        }
        return ack;
    }

    /** Completes the wait this ack answers; false when it is not a message ack we wait for. */
    public boolean complete(Node node) {
        if (!MessageAck.matches(node)) {
            return false;
        }
        Waiting entry = waiting.remove(node.attr("id"));
        if (entry == null) {
            return false;
        }
        entry.timeout.cancel(false);
        entry.ack.complete(MessageAck.of(node));
        return true;
    }

    /** Ends one wait, e.g. when its message could not be sent. */
    public void fail(String id, Throwable failure) {
        Waiting entry = waiting.remove(id);
        if (entry != null) {
            entry.timeout.cancel(false);
            entry.ack.completeExceptionally(failure);
        }
    }

    public void failAll(Throwable failure) {
        for (String id : waiting.keySet()) {
            fail(id, failure);
        }
    }
}
