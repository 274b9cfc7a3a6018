package app.statustracker.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A listener's own bounded queue, drained one event at a time: the next event goes out only when the transport
 * took the previous one, so events of a session arrive in the order they happened, and a client that stops reading
 * fills only its queue. When the queue is full the client is dropped ({@link #drop}), because a listener that
 * missed events would show a wrong picture without knowing it.
 */
public abstract class QueuedSink implements EventSink {
    private static final Logger LOG = Logger.getLogger(QueuedSink.class.getName());

    private final int capacity;
    private final BlockingQueue<PublishedEvent> queue;
    private final Executor executor;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean dropped;

    protected QueuedSink(int capacity, Executor executor) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.executor = executor;
    }

    /** Hands one event to the transport; completes when the transport has taken it (or failed). */
    protected abstract CompletionStage<?> deliver(PublishedEvent event);

    /** Whether this listener wants the event at all (a client that follows one session). */
    protected boolean wants(PublishedEvent event) {
        return true;
    }

    /** Ends the connection of a listener that fell too far behind. */
    protected abstract void drop(String reason);

    @Override
    public final boolean offer(PublishedEvent event) {
        if (dropped || !isOpen()) {
            return false;
        }
        if (!wants(event)) {
            return true;
        }
        if (!queue.offer(event)) {
            dropped = true;
            queue.clear();
            LOG.info("dropping an event listener that fell " + capacity + " events behind");
            drop("too slow: more than the queue holds");
            return false;
        }
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drainNext);
        }
        return true;
    }

    private void drainNext() {
        PublishedEvent next = queue.poll();
        if (next == null || dropped) {
            draining.set(false);
            // an event offered between the poll and the flag going down would wait for the next offer otherwise
            if (!queue.isEmpty() && !dropped && draining.compareAndSet(false, true)) {
                executor.execute(this::drainNext);
            }
            return;
        }
        CompletionStage<?> sent;
        try {
            sent = deliver(next);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "event delivery failed; dropping the listener", e);
            dropped = true;
            drop("delivery failed");
            draining.set(false);
            return;
        }
        sent.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "event delivery failed; dropping the listener", failure);
                dropped = true;
                drop("delivery failed");
                draining.set(false);
                return;
            }
            executor.execute(this::drainNext);
        });
    }

    public boolean isDropped() {
        return dropped;
    }
}
