package app.statustracker.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * At most one {@code status-viewers-update} per status per interval. Each such event carries the status's whole
 * current viewer list, so only the latest one of a burst matters: the first goes out at once, later ones within
 * the interval replace each other and the last goes out when the interval ends. Receipts streaming in at thousands
 * a second would otherwise send every client the full list once per receipt commit (every 25 ms).
 *
 * <p>Per session, events stay in the order they happened: before any other event of a session goes out, the
 * pending update of each of its statuses goes out first ({@link #afterPending}). One lock orders both.
 */
final class CoalescedViewerUpdates {
    private record Key(String sessionId, String statusId) {
        /** What the update is the whole state of ({@link PublishedEvent#supersedes()}). */
        String state() {
            return sessionId + '\n' + statusId;
        }
    }

    /** A status whose interval is running; {@code pending} is the update waiting for its end, if any. */
    private static final class Window {
        Object pending;
    }

    private final long intervalNanos;
    private final ScheduledExecutorService scheduler;
    private final BiConsumer<String, Object> publish;
    private final Map<Key, Window> open = new HashMap<>();

    /**
     * @param publish sends one update (with the status it is the state of, "session LF status") to every
     *                listener; called under this object's lock, must not block
     */
    CoalescedViewerUpdates(Duration interval, ScheduledExecutorService scheduler, BiConsumer<String, Object> publish) {
        this.intervalNanos = interval.toNanos();
        this.scheduler = scheduler;
        this.publish = publish;
    }

    synchronized void offer(String sessionId, String statusId, Object update) {
        Key key = new Key(sessionId, statusId);
        if (intervalNanos <= 0) {
            publish.accept(key.state(), update);
            return;
        }
        Window window = open.get(key);
        if (window != null) {
            window.pending = update; // replaces an older pending list: the newest is the whole truth
            return;
        }
        publish.accept(key.state(), update);
        open(key, new Window());
    }

    /**
     * Publishes another event of a session ({@code publishOther}) right after that session's pending updates, under
     * the same lock, so no update of the session can overtake it or fall behind it.
     */
    synchronized void afterPending(String sessionId, Runnable publishOther) {
        if (sessionId != null) {
            for (Map.Entry<Key, Window> e : open.entrySet()) {
                if (e.getKey().sessionId().equals(sessionId) && e.getValue().pending != null) {
                    publish.accept(e.getKey().state(), e.getValue().pending);
                    e.getValue().pending = null;
                }
            }
        }
        publishOther.run();
    }

    /** Statuses with an interval running, for tests and figures. */
    synchronized int openWindows() {
        return open.size();
    }

    private void open(Key key, Window window) {
        open.put(key, window);
        scheduler.schedule(() -> close(key, window), intervalNanos, TimeUnit.NANOSECONDS);
    }

    private synchronized void close(Key key, Window window) {
        if (open.get(key) != window) {
            return;
        }
        if (window.pending == null) {
            open.remove(key);
            return;
        }
        publish.accept(key.state(), window.pending);
        window.pending = null;
        open(key, window); // the update just sent starts a new interval
    }

    /** Sends every pending update (shutting down). */
    synchronized void flushAll() {
        for (Iterator<Map.Entry<Key, Window>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Window> e = it.next();
            if (e.getValue().pending != null) {
                publish.accept(e.getKey().state(), e.getValue().pending);
            }
            it.remove();
        }
    }
}
