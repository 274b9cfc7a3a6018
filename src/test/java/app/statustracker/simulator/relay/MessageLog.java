package app.statustracker.simulator.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every message the server took from a device and every receipt it routed, in order (docs/protocol.md, Simulator).
 * Lookups by id find the original message: a retry resend carries the id of the status it repeats.
 */
public final class MessageLog {
    private final List<RelayedMessage> messages = new ArrayList<>();
    private final List<RelayedReceipt> receipts = new ArrayList<>();

    public synchronized void add(RelayedMessage message) {
        messages.add(message);
        notifyAll();
    }

    /**
     * Marks the message as fully handled (acked, fanned out). It is logged before its fan-out, so that a
     * receipt racing the last deliveries still finds it; waiting callers see it only once settled.
     */
    public synchronized void settled(RelayedMessage message) {
        message.settle();
        notifyAll();
    }

    public synchronized void add(RelayedReceipt receipt) {
        receipts.add(receipt);
        notifyAll();
    }

    /** The first message with this id that was not refused (a refused id may be sent again). */
    public synchronized Optional<RelayedMessage> find(String id) {
        return messages.stream().filter(m -> m.id().equals(id) && !m.refused()).findFirst();
    }

    public synchronized List<RelayedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Every message recorded with this id: the original, refused attempts, retry resends. */
    public synchronized List<RelayedMessage> messages(String id) {
        return messages.stream().filter(m -> m.id().equals(id)).toList();
    }

    public synchronized List<RelayedReceipt> receipts() {
        return List.copyOf(receipts);
    }

    public synchronized List<RelayedReceipt> receipts(String messageId) {
        return receipts.stream().filter(r -> r.messageId().equals(messageId)).toList();
    }

    /** The first settled message that matches, waiting up to {@code timeout} for one. */
    public Optional<RelayedMessage> awaitMessage(Predicate<RelayedMessage> matches, Duration timeout) {
        return await(() -> messages.stream().filter(RelayedMessage::settled).filter(matches).findFirst(), timeout);
    }

    /** Waits until at least {@code count} receipts match; returns all that match by then. */
    public List<RelayedReceipt> awaitReceipts(Predicate<RelayedReceipt> matches, int count, Duration timeout) {
        return await(() -> {
            List<RelayedReceipt> found = receipts.stream().filter(matches).toList();
            return found.size() >= count ? Optional.of(found) : Optional.empty();
        }, timeout).orElseGet(() -> receipts().stream().filter(matches).toList());
    }

    private synchronized <T> Optional<T> await(Supplier<Optional<T>> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
