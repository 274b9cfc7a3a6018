package app.statustracker.wa.transport;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens WhatsApp connections that share one {@link HttpClient} (its selector thread does all socket I/O)
 * and one scheduler (keep-alives, iq and handshake timeouts): thousands of connections cost no thread each
 * (docs/decisions.md, "Transport"). The caller owns both and shuts them down.
 */
public final class WaConnector {
    private final HttpClient httpClient;
    private final ScheduledExecutorService scheduler;
    private final TransportOptions options;

    public WaConnector(HttpClient httpClient, ScheduledExecutorService scheduler, TransportOptions options) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Starts a connection. The future completes once the Noise handshake is done and the ClientPayload has
     * gone out (the server's answer then arrives at the listener); it fails with a
     * {@link ConnectionClosedException} naming the reason when the connection ends first. The listener's
     * {@code onClose} is called in every case.
     */
    public CompletableFuture<WaConnection> connect(ConnectRequest request, ConnectionListener listener) {
        WaConnection connection = new WaConnection(request, listener, options, scheduler);
        connection.open(httpClient);
        return connection.ready();
    }

    public TransportOptions options() {
        return options;
    }
}
