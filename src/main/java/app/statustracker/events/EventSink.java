package app.statustracker.events;

/**
 * One connected event listener, whatever carries the events to it (a Jakarta WebSocket today; a Socket.IO
 * transport for the seed's clients can add its own sink later).
 */
public interface EventSink {
    /** Sends one already-serialised event; must not block the caller for long. */
    void send(String json);

    boolean isOpen();
}
