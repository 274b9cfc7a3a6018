package app.statustracker.wa.transport;

/** Completes the futures of a connection that ended: the connect future, pending iqs, later sends. */
public class ConnectionClosedException extends RuntimeException {
    private final transient CloseReason reason;

    public ConnectionClosedException(CloseReason reason) {
        super("connection closed: " + reason, reason.cause());
        this.reason = reason;
    }

    public CloseReason reason() {
        return reason;
    }
}
