package app.statustracker.bench;

import app.statustracker.wa.client.ClientConfig;
import app.statustracker.wa.client.ClientEvent;
import app.statustracker.wa.client.ClientListener;
import app.statustracker.wa.client.DisconnectReason;
import app.statustracker.wa.client.InMemoryCredentialsStore;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.client.StatusStores;
import app.statustracker.wa.client.WaClient;
import app.statustracker.wa.transport.WaConnector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Our client as a poster in a benchmark: a fresh simulator account whose phone scans the client's QR; the 515
 * after pairing is followed by a login, and {@link #link} returns once the client is logged in. Events other
 * than linking go to {@code others} (receipts, for the receipt benchmark).
 */
final class LinkedPoster {
    final String phone;
    final WaClient client;
    private final SimulatorControlClient control;
    private final ClientListener others;
    private final CompletableFuture<Void> loggedIn = new CompletableFuture<>();
    private volatile boolean scanned;
    private volatile boolean stopping;

    private LinkedPoster(SimulatorControlClient control, String phone, WaConnector connector,
                         ScheduledExecutorService scheduler, ClientConfig config, StatusStores stores,
                         ClientListener others) {
        this.control = control;
        this.phone = phone;
        this.others = others;
        this.client = new WaClient(connector, scheduler, config, new InMemoryCredentialsStore(),
                new InMemoryPreKeyStore(), stores, this::onEvent);
    }

    static LinkedPoster link(SimulatorControlClient control, String phone, WaConnector connector,
                             ScheduledExecutorService scheduler, ClientConfig config, StatusStores stores,
                             ClientListener others) throws Exception {
        control.createAccount(phone);
        LinkedPoster poster = new LinkedPoster(control, phone, connector, scheduler, config, stores, others);
        poster.client.connect().exceptionally(failure -> null); // a failed connect ends in Disconnected too
        poster.loggedIn.get(60, TimeUnit.SECONDS);
        return poster;
    }

    private void onEvent(ClientEvent event) {
        if (event instanceof ClientEvent.QrCode qr && !scanned) {
            scanned = true;
            CompletableFuture.runAsync(() -> {
                try {
                    control.scanQr(phone, qr.data());
                } catch (Exception e) {
                    loggedIn.completeExceptionally(e);
                }
            });
        } else if (event instanceof ClientEvent.LoggedIn) {
            loggedIn.complete(null);
        } else if (event instanceof ClientEvent.Disconnected disconnected && !stopping) {
            DisconnectReason reason = disconnected.reason();
            if (loggedIn.isDone()) {
                System.err.println("[java] " + phone + " disconnected after login: " + reason);
            }
            if (reason.reconnect() == DisconnectReason.Reconnect.NOW) {
                client.connect(); // the 515 after pairing
            } else if (reason.reconnect() == DisconnectReason.Reconnect.WITH_BACKOFF && loggedIn.isDone()) {
                client.connect(); // as the runtime does, so that owed stanzas are redelivered
            } else {
                loggedIn.completeExceptionally(new IllegalStateException(phone + " disconnected: " + reason));
            }
        } else {
            others.onEvent(event);
        }
    }

    void stop() {
        stopping = true;
        client.disconnect();
    }
}
