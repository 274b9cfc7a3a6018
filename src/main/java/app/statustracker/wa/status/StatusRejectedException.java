package app.statustracker.wa.status;

/**
 * WhatsApp did not accept a status: the server acked it with an error code (479, 463, 400 ...), no ack came in
 * time, or the audience had no device to send to. The reason is shown to the API caller and stored with the status.
 */
public class StatusRejectedException extends Exception {
    private final String reason;

    public StatusRejectedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public StatusRejectedException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
