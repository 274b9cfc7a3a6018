package app.statustracker.events;

/**
 * One connected event listener, whatever carries the events to it (the {@code /ws} WebSocket, a Socket.IO socket).
 * {@link #offer} never blocks: a listener that cannot keep up is dropped, it never makes the publisher wait nor the
 * heap grow.
 */
public interface EventSink {
    /** Queues one event for this listener; false when the listener is gone or was just dropped for lagging. */
    boolean offer(PublishedEvent event);

    boolean isOpen();
}
