package app.statustracker.events;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A listener's own bounded queue, drained one event at a time: the next event goes out only when the transport
 * took the previous one, so events of a session arrive in the order they happened, and a client that stops reading
 * fills only its queue. When the queue is full the client is dropped ({@link #drop}), because a listener that
 * missed events would show a wrong picture without knowing it.
 *
 * <p>An event that carries a whole state ({@link PublishedEvent#supersedes()}, a status's viewer list) replaces
 * the same state's older event still waiting here: the older one is removed and the new one joins at the tail, so
 * the order of what is sent stays the order things happened. A client that reads slower than lists change then
 * gets fewer, newer lists instead of falling behind on stale ones.
 */
public abstract class QueuedSink implements EventSink {
    private static final Logger LOG = Logger.getLogger(QueuedSink.class.getName());

    private final int capacity;
    private final Executor executor;
    private final Object lock = new Object();
    private final ArrayDeque<PublishedEvent> queue = new ArrayDeque<>(); // guarded by lock
    private final Map<String, PublishedEvent> waitingState = new HashMap<>(); // guarded by lock
    private boolean draining; // guarded by lock
    private volatile boolean dropped;

    protected QueuedSink(int capacity, Executor executor) {
        this.capacity = capacity;
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
        boolean start;
        synchronized (lock) {
            if (event.supersedes() != null) {
                PublishedEvent older = waitingState.put(event.supersedes(), event);
                if (older != null) {
                    removeSame(older);
                }
            }
            if (queue.size() >= capacity) {
                dropped = true;
                queue.clear();
                waitingState.clear();
                start = false;
            } else {
                queue.addLast(event);
                start = !draining;
                draining = true;
            }
        }
        if (dropped) {
            LOG.info("dropping an event listener that fell " + capacity + " events behind");
            drop("too slow: more than the queue holds");
            return false;
        }
        if (start) {
            executor.execute(this::drainNext);
        }
        return true;
    }

    /** By identity: two events may be equal in content and still be two events. */
    private void removeSame(PublishedEvent event) {
        for (Iterator<PublishedEvent> it = queue.iterator(); it.hasNext(); ) {
            if (it.next() == event) {
                it.remove();
                return;
            }
        }
    }

    private void drainNext() {
        PublishedEvent next;
        synchronized (lock) {
            next = dropped ? null : queue.pollFirst();
            if (next == null) {
                draining = false;
                return;
            }
            if (next.supersedes() != null) {
                waitingState.remove(next.supersedes(), next);
            }
        }
        CompletionStage<?> sent;
        try {
            sent = deliver(next);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        sent.whenComplete((ignored, failure) -> {
            if (failure != null) {
                failed(failure);
                return;
            }
            executor.execute(this::drainNext);
        });
    }

    private void failed(Throwable failure) {
        LOG.log(Level.FINE, "event delivery failed; dropping the listener", failure);
        dropped = true;
        synchronized (lock) {
            queue.clear();
            waitingState.clear();
            draining = false;
        }
        drop("delivery failed");
    }

    /** Events waiting for this listener (not counting one the transport has not yet taken). */
    public int waiting() {
        synchronized (lock) {
            return queue.size();
        }
    }

    public boolean isDropped() {
        return dropped;
    }
}
