package app.statustracker.wa.client;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.media.MediaConnCache;
import app.statustracker.wa.media.MediaUploader;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.PreKeyStore;
import app.statustracker.wa.status.MediaStatus;
import app.statustracker.wa.status.MessageIds;
import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.StanzaChannel;
import app.statustracker.wa.status.StatusMessages;
import app.statustracker.wa.status.StatusRejectedException;
import app.statustracker.wa.status.StatusSender;
import app.statustracker.wa.status.TextStatus;
import app.statustracker.wa.transport.ConnectRequest;
import app.statustracker.wa.transport.WaConnector;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One linked (or to-be-linked) companion device. {@link #connect()} registers a new device (QR) or logs a
 * paired one in; {@link #connectWithPairingCode} registers by pairing code instead. Everything else arrives
 * as {@link ClientEvent}s. The client never reconnects by itself: on {@link ClientEvent.Disconnected} the
 * caller looks at {@link DisconnectReason#reconnect()} and calls {@link #connect()} again (at once after 515).
 * No thread of its own: work runs on the transport's callbacks, the shared scheduler and the common pool.
 */
public final class WaClient {
    private static final System.Logger LOG = System.getLogger(WaClient.class.getName());

    private final WaConnector connector;
    private final ScheduledExecutorService scheduler;
    private final ClientConfig config;
    private final CredentialsStore credentialsStore;
    private final PreKeyStore preKeyStore;
    private final ClientListener listener;
    private final SecureRandom random = new SecureRandom();
    private final DeviceSignal signal;
    private final IncomingMessages incomingMessages;
    private final RetryReceipts retryReceipts;
    private final MediaConnCache mediaConns;
    private final MediaUploader mediaUploader;
    private final UploadedMediaCache uploadedMedia = new UploadedMediaCache(Clock.systemUTC());
    private final Object lock = new Object();
    private DeviceCredentials credentials;
    private ClientSession session;

    /** A client that links and logs in but cannot post statuses nor read messages (no Signal stores). */
    public WaClient(WaConnector connector, ScheduledExecutorService scheduler, ClientConfig config,
                    CredentialsStore credentialsStore, PreKeyStore preKeyStore, ClientListener listener) {
        this(connector, scheduler, config, credentialsStore, preKeyStore, null, listener);
    }

    /**
     * A client that can also post and revoke statuses, answer retry receipts for them and decrypt incoming messages,
     * with these per-device stores ({@code statusStores} null: it cannot, and acks messages unread). All Signal work
     * of the client runs one task at a time on the scheduler's threads (the server's managed executor in the app).
     */
    public WaClient(WaConnector connector, ScheduledExecutorService scheduler, ClientConfig config,
                    CredentialsStore credentialsStore, PreKeyStore preKeyStore, StatusStores statusStores,
                    ClientListener listener) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.credentialsStore = Objects.requireNonNull(credentialsStore, "credentialsStore");
        this.preKeyStore = Objects.requireNonNull(preKeyStore, "preKeyStore");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.signal = statusStores == null ? null : new DeviceSignal(statusStores, preKeyStore,
                scheduler, random, Clock.systemUTC(), config.statusAckTimeout(), config.deviceListLifetime(),
                config.signalThreads());
        this.incomingMessages = new IncomingMessages(this, signal, Clock.systemUTC());
        this.retryReceipts = new RetryReceipts(this, signal);
        MediaTransfer media = config.media();
        this.mediaConns = new MediaConnCache(this::sendIqOnCurrentSession, Clock.systemUTC());
        this.mediaUploader = new MediaUploader(media.http(), mediaConns, media.workDir(), media.blockingIo(), random,
                Clock.systemUTC(), media.uploadTimeout());
    }

    /**
     * Opens a connection: login when the stored credentials are paired, else registration with QR codes.
     * Completes when the handshake is done and the payload sent; fails if the connection ends first.
     */
    public CompletableFuture<Void> connect() {
        return open(null);
    }

    /**
     * Registration linked by pairing code for this phone number (digits with country code): the code arrives
     * as {@link ClientEvent.PairingCode}; no QR codes are shown and no QR timeout applies.
     */
    public CompletableFuture<Void> connectWithPairingCode(String phoneNumber) {
        if (phoneNumber == null || !phoneNumber.matches("[1-9][0-9]{6,18}")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "phone number must be digits with country code, got " + phoneNumber));
        }
        return open(phoneNumber);
    }

    /** Replaces the pairing code on the open pairing connection; completes with the new code. */
    public CompletableFuture<String> requestNewPairingCode() {
        ClientSession current;
        synchronized (lock) {
            current = session;
        }
        return current == null ? CompletableFuture.failedFuture(new IllegalStateException("not connected"))
                : current.requestNewPairingCode();
    }

    /**
     * Unlinks this device (docs/protocol.md, Login); the server then ends the stream and {@code logged-out} follows.
     */
    public CompletableFuture<Void> logout() {
        ClientSession current;
        DeviceCredentials creds;
        synchronized (lock) {
            current = session;
            creds = credentials;
        }
        if (current == null || creds == null || !creds.isRegistered() || !current.isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not logged in"));
        }
        return current.sendIq(ClientStanzas.removeCompanionDevice(creds.me().phoneNumber())).thenApply(answer -> null);
    }

    /**
     * Posts a text or link status to these phone numbers (digits with country code; our own LID is added so our
     * phone shows it). Completes once the server acked it without error; fails with
     * {@link StatusRejectedException} (an unknown number, a refused query, an ack error or no ack in time),
     * {@link IllegalArgumentException} (a malformed number or font) or {@link IllegalStateException} (not logged
     * in, or no status stores).
     */
    public CompletableFuture<PostedStatus> postStatus(TextStatus status, List<String> phoneNumbers) {
        return postStatus(null, status, phoneNumbers);
    }

    /**
     * As {@link #postStatus(TextStatus, List)} under a message id the caller made with {@link MessageIds}, so it can
     * store the status under that id first (null: a fresh one).
     */
    public CompletableFuture<PostedStatus> postStatus(String messageId, TextStatus status, List<String> phoneNumbers) {
        return withPoster((session, creds) -> signal.statusSender(creds).post(session, DeviceSignal.poster(creds),
                messageId, status, phoneNumbers));
    }

    /**
     * Posts an image or video status: the file is encrypted and uploaded to WhatsApp's media hosts (streamed, never
     * whole in memory; a file with a {@link MediaStatus#reuseKey} this client uploaded within the last hours is
     * referred to again instead) while the audience is resolved and its sessions started, then the status goes out
     * as for text. Failures as for text, plus
     * {@link app.statustracker.wa.media.MediaUploadException} when no media host took the file.
     */
    public CompletableFuture<PostedStatus> postStatus(String messageId, MediaStatus status, List<String> phoneNumbers) {
        try {
            StatusSender.checkAudience(phoneNumbers);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return withPoster((session, creds) -> {
            // the upload runs while the status sender resolves the audience and starts its sessions
            CompletableFuture<Message> message = uploadedMedia.get(status.reuseKey(), status.type(),
                    () -> mediaUploader.upload(status.file(), status.type()))
                    .thenApply(uploaded -> StatusMessages.media(status, uploaded, random));
            return signal.statusSender(creds).post(session, DeviceSignal.poster(creds), messageId, message,
                    phoneNumbers);
        });
    }

    /** Deletes our status {@code statusId} for everyone: a REVOKE to the same audience (docs/protocol.md, Revoke). */
    public CompletableFuture<PostedStatus> revokeStatus(String statusId, List<String> phoneNumbers) {
        return withPoster((session, creds) -> signal.statusSender(creds).revoke(session, DeviceSignal.poster(creds),
                statusId, phoneNumbers));
    }

    private CompletableFuture<PostedStatus> withPoster(
            BiFunction<ClientSession, DeviceCredentials, CompletableFuture<PostedStatus>> post) {
        if (signal == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this client has no status stores"));
        }
        ClientSession current;
        DeviceCredentials creds;
        synchronized (lock) {
            current = session;
            creds = credentials;
        }
        if (current == null || creds == null || !creds.isRegistered() || !current.isLoggedIn()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not logged in"));
        }
        if (creds.me().lid() == null) {
            // statuses are LID-addressed (docs/protocol.md, LID addressing); the server names our LID at pair-success
            // or login
            return CompletableFuture.failedFuture(new StatusRejectedException("our LID is not known yet"));
        }
        return post.apply(current, creds);
    }

    /** The current connection as the status sender uses it, or null; for tests of the message-ack path. */
    StanzaChannel statusChannel() {
        synchronized (lock) {
            return session;
        }
    }

    /** Closes the connection; a {@code closed-locally} Disconnected event follows. */
    public void disconnect() {
        ClientSession current;
        synchronized (lock) {
            current = session;
        }
        if (current != null) {
            current.end(DisconnectReason.of(DisconnectReason.Kind.CLOSED_LOCALLY, -1, "closed by the application"));
        }
    }

    public boolean isConnected() {
        synchronized (lock) {
            return session != null && session.isOpen();
        }
    }

    public boolean isLoggedIn() {
        synchronized (lock) {
            return session != null && session.isLoggedIn();
        }
    }

    /** The current credentials, loading (or creating and saving) them on first use. */
    public DeviceCredentials credentials() {
        synchronized (lock) {
            if (credentials == null) {
                credentials = credentialsStore.load().orElseGet(() -> {
                    DeviceCredentials fresh = DeviceCredentials.generate(random);
                    credentialsStore.save(fresh);
                    return fresh;
                });
            }
            return credentials;
        }
    }

    private CompletableFuture<Void> open(String pairingPhone) {
        ClientSession next;
        DeviceCredentials creds;
        synchronized (lock) {
            if (session != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("already connected"));
            }
            creds = credentials();
            if (pairingPhone != null && creds.isRegistered()) {
                return CompletableFuture.failedFuture(new IllegalStateException("this device is already paired"));
            }
            next = new ClientSession(this, !creds.isRegistered(), pairingPhone);
            session = next;
        }
        byte[] payload = ClientPayloads.forCredentials(creds, config).toByteArray();
        ConnectRequest request = new ConnectRequest(config.endpoint(), creds.noiseKey(), config.verifier(),
                () -> payload);
        return connector.connect(request, next).thenAccept(next::attach);
    }

    void onSessionClosed(ClientSession closed, DisconnectReason reason) {
        synchronized (lock) {
            if (session == closed) {
                session = null;
            }
        }
        mediaConns.invalidate(); // its auth belongs to that login; the next upload asks again
        emit(new ClientEvent.Disconnected(reason));
    }

    DeviceCredentials updateCredentials(UnaryOperator<DeviceCredentials> change) {
        synchronized (lock) {
            DeviceCredentials before = credentials();
            DeviceCredentials after = change.apply(before);
            if (after != before) {
                credentialsStore.save(after);
                credentials = after;
            }
            return after;
        }
    }

    void emit(ClientEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "client listener failed on " + event, e);
        }
    }

    private CompletableFuture<Node> sendIqOnCurrentSession(Node iq) {
        ClientSession current;
        synchronized (lock) {
            current = session;
        }
        return current == null || !current.isLoggedIn()
                ? CompletableFuture.failedFuture(new IllegalStateException("not logged in"))
                : current.sendIq(iq);
    }

    ClientConfig config() {
        return config;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    IncomingMessages incomingMessages() {
        return incomingMessages;
    }

    /** A contact's devices changed: its next status asks usync for the current list. */
    void onDevicesChanged(Collection<Jid> users) {
        if (signal != null) {
            signal.deviceLists().forgetAll(users);
        }
    }

    RetryReceipts retryReceipts() {
        return retryReceipts;
    }

    PreKeyStore preKeyStore() {
        return preKeyStore;
    }

    SecureRandom random() {
        return random;
    }
}
