package app.statustracker.wa.transport;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** No {@code result} or {@code error} iq with our id arrived in time; the connection itself stays open. */
public class IqTimeoutException extends TimeoutException {
    private final String iqId;

    public IqTimeoutException(String iqId, Duration waited) {
        super("no answer to iq " + iqId + " within " + waited.toMillis() + " ms");
        this.iqId = iqId;
    }

    public String iqId() {
        return iqId;
    }
}
