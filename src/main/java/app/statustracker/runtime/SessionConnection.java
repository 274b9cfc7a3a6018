package app.statustracker.runtime;

import app.statustracker.domain.LinkState;
import app.statustracker.persistence.SessionStateRepository.SessionRef;
import app.statustracker.wa.client.ClientEvent;
import app.statustracker.wa.client.DisconnectReason;
import app.statustracker.wa.client.WaClient;
import app.statustracker.wa.media.MediaUploadException;
import app.statustracker.wa.status.MediaStatus;
import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.StatusRejectedException;
import app.statustracker.wa.status.TextStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Supervises one session's protocol client: starts it (QR or pairing code), follows its events into the
 * session's state, reconnects after a restart request at once and after transport loss with backoff, and never
 * after a logout, a ban or a replaced connection. Events are handled one at a time, in order.
 */
final class SessionConnection {
    private static final Logger LOG = Logger.getLogger(SessionConnection.class.getName());

    private final SessionRef ref;
    private final Function<SessionConnection, WaClient> clientFactory;
    private final SessionEvents events;
    private final ScheduledExecutorService scheduler;
    private final ReconnectBackoff backoff;
    private WaClient client;
    private ScheduledFuture<?> pendingReconnect;
    private volatile boolean stopped;
    private volatile String phoneNumber;
    private volatile String pairingCode;
    private volatile String qrCode;

    SessionConnection(SessionRef ref, Function<SessionConnection, WaClient> clientFactory, SessionEvents events,
                      ScheduledExecutorService scheduler, Duration minDelay, Duration maxDelay) {
        this.ref = ref;
        this.phoneNumber = ref.phoneNumber();
        this.clientFactory = clientFactory;
        this.events = events;
        this.scheduler = scheduler;
        this.backoff = new ReconnectBackoff(minDelay, maxDelay);
    }

    String sessionId() {
        return ref.sessionId();
    }

    long sessionPk() {
        return ref.pk();
    }

    String pairingCode() {
        return pairingCode;
    }

    String qrCode() {
        return qrCode;
    }

    synchronized void start() {
        stopped = false;
        if (client == null) {
            client = clientFactory.apply(this);
        }
        events.state(this, LinkState.CONNECTING, null);
        boolean byCode = "pairing".equals(ref.authMethod()) && !client.credentials().isRegistered();
        CompletableFuture<Void> opening = byCode ? client.connectWithPairingCode(phoneNumber) : client.connect();
        opening.exceptionally(failure -> {
            // the client reports the end of the connection as a Disconnected event too; that drives what follows
            LOG.log(Level.FINE, "session " + ref.sessionId() + " could not connect", failure);
            return null;
        });
    }

    synchronized void stop() {
        stopped = true;
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
        }
        if (client != null) {
            client.disconnect();
        }
    }

    /** Unlinks the device on WhatsApp when it is logged in, then stops; waits at most {@code timeout}. */
    void logoutAndStop(Duration timeout) {
        WaClient current;
        synchronized (this) {
            current = client;
        }
        if (current != null && current.isLoggedIn()) {
            try {
                current.logout().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "session " + ref.sessionId() + ": logout on WhatsApp did not complete", e);
            }
        }
        stop();
    }

    synchronized CompletableFuture<String> requestPairingCode(String newPhone) {
        if (newPhone != null) {
            phoneNumber = newPhone;
        }
        if (client != null && client.isConnected() && !client.isLoggedIn() && newPhone == null) {
            return client.requestNewPairingCode();
        }
        stop();
        start();
        return CompletableFuture.completedFuture(null);
    }

    CompletableFuture<PostedStatus> postStatus(String messageId, TextStatus status, List<String> audience) {
        WaClient current = loggedInClient();
        return current == null ? CompletableFuture.failedFuture(new SessionNotConnectedException(ref.sessionId()))
                : notConnectedIfLoggedOut(current.postStatus(messageId, status, audience));
    }

    CompletableFuture<PostedStatus> postStatus(String messageId, MediaStatus status, List<String> audience) {
        WaClient current = loggedInClient();
        return current == null ? CompletableFuture.failedFuture(new SessionNotConnectedException(ref.sessionId()))
                : notConnectedIfLoggedOut(current.postStatus(messageId, status, audience));
    }

    CompletableFuture<PostedStatus> revokeStatus(String statusId, List<String> audience) {
        WaClient current = loggedInClient();
        return current == null ? CompletableFuture.failedFuture(new SessionNotConnectedException(ref.sessionId()))
                : notConnectedIfLoggedOut(current.revokeStatus(statusId, audience));
    }

    private synchronized WaClient loggedInClient() {
        return client != null && client.isLoggedIn() ? client : null;
    }

    /** The client says "not logged in" with IllegalStateException when the connection dropped in between. */
    private CompletableFuture<PostedStatus> notConnectedIfLoggedOut(CompletableFuture<PostedStatus> post) {
        return post.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof MediaUploadException upload) {
                // WhatsApp's media host refused or failed: to the API that is WhatsApp not taking the status
                return CompletableFuture.failedFuture(new StatusRejectedException(upload.getMessage(), upload));
            }
            return CompletableFuture.failedFuture(cause instanceof IllegalStateException
                    ? new SessionNotConnectedException(ref.sessionId()) : cause);
        });
    }

    synchronized boolean isLinked() {
        return client != null && client.credentials().isRegistered();
    }

    /** Called by the client's listener, already serialised per session. */
    void on(ClientEvent event) {
        if (stopped && !(event instanceof ClientEvent.Disconnected)) {
            return;
        }
        // the state is stored before the code is shown, so no reader sees a code beside a stale state
        if (event instanceof ClientEvent.QrCode qr) {
            events.state(this, LinkState.AWAITING_PAIRING, null);
            qrCode = qr.data();
            events.qrCode(this, qr.data());
        } else if (event instanceof ClientEvent.PairingCode code) {
            events.state(this, LinkState.AWAITING_PAIRING, null);
            pairingCode = code.code();
            events.pairingCode(this, code.code(), phoneNumber);
        } else if (event instanceof ClientEvent.Paired paired) {
            clearPairing();
            events.linked(this, paired.phoneNumber().user(), paired.lid() == null ? null : paired.lid().toString(),
                    LinkState.CONNECTING);
        } else if (event instanceof ClientEvent.LoggedIn in) {
            clearPairing();
            synchronized (this) {
                backoff.reset();
            }
            events.linked(this, in.phoneNumber().user(), in.lid() == null ? null : in.lid().toString(),
                    LinkState.CONNECTED);
        } else if (event instanceof ClientEvent.StatusReceipts receipts) {
            events.statusReceipts(this, receipts.receipts(), receipts.ackAfterCommit());
        } else if (event instanceof ClientEvent.Disconnected d) {
            disconnected(d.reason());
        }
    }

    private void disconnected(DisconnectReason reason) {
        if (stopped || reason.kind() == DisconnectReason.Kind.CLOSED_LOCALLY) {
            return;
        }
        clearPairing();
        switch (reason.reconnect()) {
            case NOW -> {
                events.state(this, LinkState.CONNECTING, reason.name());
                start();
            }
            case WITH_BACKOFF -> {
                Duration wait;
                synchronized (this) {
                    wait = backoff.next();
                    pendingReconnect = scheduler.schedule(this::reconnectIfWanted, wait.toMillis(), TimeUnit.MILLISECONDS);
                }
                events.state(this, LinkState.DISCONNECTED, reason.name());
                LOG.info("session " + ref.sessionId() + " lost its connection (" + reason.name() + "); retrying in "
                        + wait.toMillis() + " ms");
            }
            case NEVER -> {
                if (reason.isLoggedOut()) {
                    synchronized (this) {
                        client = null; // dead keys: the next link starts from fresh credentials
                    }
                    events.loggedOut(this);
                } else {
                    events.state(this, LinkState.DISCONNECTED, reason.name());
                }
            }
        }
    }

    private void reconnectIfWanted() {
        if (!stopped) {
            start();
        }
    }

    private void clearPairing() {
        pairingCode = null;
        qrCode = null;
    }
}
