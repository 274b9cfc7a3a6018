package app.statustracker.runtime;

import app.statustracker.config.MediaSettings;
import app.statustracker.config.Settings;
import app.statustracker.domain.LinkState;
import app.statustracker.domain.Session;
import app.statustracker.persistence.DbCredentialsStore;
import app.statustracker.persistence.DbIdentityKeyStore;
import app.statustracker.persistence.DbLidMappingStore;
import app.statustracker.persistence.DbPreKeyStore;
import app.statustracker.persistence.DbRecentStatuses;
import app.statustracker.persistence.DbSenderKeyHolders;
import app.statustracker.persistence.DbSenderKeyStore;
import app.statustracker.persistence.DbSignalSessionStore;
import app.statustracker.persistence.KeyMaterialRepository;
import app.statustracker.persistence.LidMappingRepository;
import app.statustracker.persistence.SealedRecordRepository;
import app.statustracker.persistence.SenderKeyHolderRepository;
import app.statustracker.persistence.SessionStateRepository;
import app.statustracker.persistence.SessionStateRepository.SessionRef;
import app.statustracker.runtime.events.ConnectionChanged;
import app.statustracker.runtime.events.PairingCodeIssued;
import app.statustracker.runtime.events.QrCodeIssued;
import app.statustracker.runtime.events.StatusReceiptsArrived;
import app.statustracker.wa.client.ClientConfig;
import app.statustracker.wa.client.ClientListener;
import app.statustracker.wa.client.ClientVersion;
import app.statustracker.wa.client.CredentialsStore;
import app.statustracker.wa.client.StatusStores;
import app.statustracker.wa.client.WaClient;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.signal.IdentityKeyStore;
import app.statustracker.wa.signal.PreKeyStore;
import app.statustracker.wa.signal.SenderKeyStore;
import app.statustracker.wa.signal.SignalSessionStore;
import app.statustracker.wa.status.LidMappingStore;
import app.statustracker.wa.status.MediaStatus;
import app.statustracker.wa.status.MessageIds;
import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.RecentStatuses;
import app.statustracker.wa.status.SenderKeyHolders;
import app.statustracker.wa.status.StatusReceipt;
import app.statustracker.wa.status.StatusRejectedException;
import app.statustracker.wa.status.TextStatus;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Owns one WhatsApp protocol client per session. All connections share one HttpClient (its selector thread does
 * the I/O) whose callbacks run on the server's ManagedExecutorService, and one ManagedScheduledExecutorService
 * for keep-alives, QR rotation and reconnect delays: no thread per session. At start-up every linked session
 * reconnects, spread over STARTUP_SPREAD_MS so that a thousand sessions do not connect in the same second.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionRuntime {
    private static final Logger LOG = Logger.getLogger(SessionRuntime.class.getName());

    @Resource
    ManagedExecutorService executor;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ContextService contextService;
    @Inject
    Settings settings;
    @Inject
    MediaSettings mediaSettings;
    @Inject
    OutboundTls outboundTls;
    @Inject
    SessionStateRepository sessions;
    @Inject
    KeyMaterialRepository keyMaterial;
    @Inject
    SealedRecordRepository sealed;
    @Inject
    LidMappingRepository lidMappings;
    @Inject
    SenderKeyHolderRepository senderKeyHolders;
    @Inject
    Event<ConnectionChanged> connectionChanged;
    @Inject
    Event<StatusReceiptsArrived> statusReceiptsArrived;
    @Inject
    Event<PairingCodeIssued> pairingCodeIssued;
    @Inject
    Event<QrCodeIssued> qrCodeIssued;

    private static final SecureRandom ID_RANDOM = new SecureRandom();

    private final Map<String, SessionConnection> connections = new ConcurrentHashMap<>();
    /*
     * Not implemented by the bean itself: an EJB implementing an interface would expose it as its business view.
     * A contextual proxy made at start-up: connections report from pool threads that the HTTP client's selector
     * fed, which carry no application context on WildFly (java:app lookups and the tasks our observers schedule
     * would fail there).
     */
    private SessionEvents recorder;
    private HttpClient httpClient;
    private WaConnector connector;
    private ClientConfig clientConfig;

    @PostConstruct
    void init() {
        recorder = contextService.createContextualProxy(new Recorder(), SessionEvents.class);
        httpClient = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(20)).build();
        connector = new WaConnector(httpClient, scheduler, TransportOptions.defaults()
                .withKeepAlive(settings.keepAliveInterval(), settings.keepAliveTimeout()));
        clientConfig = ClientConfig.defaults(settings.waEndpoint(),
                        new CertificateChainVerifier(settings.waRootPublicKey(), 0, Clock.systemUTC()))
                .withVersion(ClientVersion.parse(settings.waVersion()))
                .withMedia(MediaTransfers.create(settings, mediaSettings, outboundTls.sslContext(), executor));
        // what the database says about a connection is a memory of the last process; until each logs in again
        // here, it is connecting
        sessions.markResumableConnecting();
        List<SessionRef> resumable = sessions.resumable();
        long spread = settings.startupSpread().toMillis();
        for (SessionRef ref : resumable) {
            long delay = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread);
            scheduler.schedule(() -> start(ref.sessionId()), delay, TimeUnit.MILLISECONDS);
        }
        LOG.info("Resuming " + resumable.size() + " session(s) over " + spread + " ms");
    }

    @PreDestroy
    void shutdown() {
        connections.values().forEach(SessionConnection::stop);
        connections.clear();
    }

    /** The state a new session is stored with: it starts connecting as soon as it is committed. */
    public void initialState(Session session) {
        session.changeState(LinkState.CONNECTING, null);
    }

    /** Starts (or restarts) the session's connection. */
    public void start(String sessionId) {
        Optional<SessionRef> ref = sessions.find(sessionId);
        if (ref.isEmpty()) {
            return;
        }
        SessionConnection fresh = newConnection(ref.get());
        SessionConnection old = connections.put(sessionId, fresh);
        if (old != null) {
            old.stop();
        }
        fresh.start();
    }

    public void stop(String sessionId) {
        SessionConnection c = connections.remove(sessionId);
        if (c != null) {
            c.stop();
        }
    }

    /** Before a session is deleted: unlink the device on WhatsApp when it is connected. */
    public void logoutAndStop(String sessionId) {
        SessionConnection c = connections.remove(sessionId);
        if (c != null) {
            c.logoutAndStop(Duration.ofSeconds(10));
        }
    }

    public Optional<String> pairingCode(String sessionId) {
        return Optional.ofNullable(connections.get(sessionId)).map(SessionConnection::pairingCode);
    }

    public Optional<String> qrCode(String sessionId) {
        return Optional.ofNullable(connections.get(sessionId)).map(SessionConnection::qrCode);
    }

    /**
     * Posts a text or link status to the given phone numbers (the caller has already put the account's own number
     * in when the audience was empty). Completes with the server-acked status, or exceptionally with
     * {@link SessionNotConnectedException} or {@link StatusRejectedException}.
     */
    public CompletableFuture<PostedStatus> postStatus(String sessionId, String messageId, TextStatus status,
                                                      List<String> audience) {
        SessionConnection c = connections.get(sessionId);
        return c == null ? CompletableFuture.failedFuture(new SessionNotConnectedException(sessionId))
                : c.postStatus(messageId, status, audience);
    }

    /**
     * Posts an image or video status: the client encrypts and uploads the file, then posts as for text. Failures as
     * for text, plus {@link app.statustracker.wa.media.MediaUploadException} when no media host took the file.
     */
    public CompletableFuture<PostedStatus> postStatus(String sessionId, String messageId, MediaStatus status,
                                                      List<String> audience) {
        SessionConnection c = connections.get(sessionId);
        return c == null ? CompletableFuture.failedFuture(new SessionNotConnectedException(sessionId))
                : c.postStatus(messageId, status, audience);
    }

    /**
     * A fresh WhatsApp message id for a status of the account with this phone number
     * (docs/protocol.md, Status stanza): the service stores the status under it before posting, so receipts always
     * find their row.
     */
    public String newStatusId(String ownNumber) {
        return MessageIds.generate(ownNumber, java.time.Instant.now(), ID_RANDOM);
    }

    /** Deletes one of our statuses for everyone: a REVOKE to the same audience (docs/protocol.md, Revoke). */
    public CompletableFuture<PostedStatus> revokeStatus(String sessionId, String statusId, List<String> audience) {
        SessionConnection c = connections.get(sessionId);
        return c == null ? CompletableFuture.failedFuture(new SessionNotConnectedException(sessionId))
                : c.revokeStatus(statusId, audience);
    }

    /** A fresh pairing code on the open connection, or a new pairing connection (optionally to a new number). */
    public CompletableFuture<String> requestPairingCode(String sessionId, String newPhone) {
        SessionConnection c = connections.get(sessionId);
        if (c == null) {
            start(sessionId);
            return CompletableFuture.completedFuture(null);
        }
        return c.requestPairingCode(newPhone);
    }

    private SessionConnection newConnection(SessionRef ref) {
        return new SessionConnection(ref, this::newClient, recorder, scheduler,
                settings.reconnectMinDelay(), settings.reconnectMaxDelay());
    }

    private WaClient newClient(SessionConnection c) {
        // protocol callbacks arrive on pool threads; contextual proxies give them the application's context
        CredentialsStore creds = contextService.createContextualProxy(
                new DbCredentialsStore(keyMaterial, c.sessionPk()), CredentialsStore.class);
        PreKeyStore preKeys = contextService.createContextualProxy(
                new DbPreKeyStore(keyMaterial, c.sessionPk()), PreKeyStore.class);
        SerialExecutor serial = new SerialExecutor(executor);
        ClientListener listener = event -> serial.execute(() -> c.on(event));
        long pk = c.sessionPk();
        StatusStores stores = new StatusStores(
                contextService.createContextualProxy(new DbSignalSessionStore(sealed, pk), SignalSessionStore.class),
                contextService.createContextualProxy(new DbIdentityKeyStore(sealed, pk), IdentityKeyStore.class),
                contextService.createContextualProxy(new DbSenderKeyStore(sealed, pk), SenderKeyStore.class),
                contextService.createContextualProxy(new DbLidMappingStore(lidMappings, pk), LidMappingStore.class),
                contextService.createContextualProxy(new DbSenderKeyHolders(senderKeyHolders, pk),
                        SenderKeyHolders.class),
                contextService.createContextualProxy(new DbRecentStatuses(sealed, pk, Clock.systemUTC()),
                        RecentStatuses.class));
        return new WaClient(connector, scheduler, clientConfig, creds, preKeys, stores, listener);
    }

    /** Records what a connection reports: the database first, then the CDI events. */
    private final class Recorder implements SessionEvents {
        @Override
        public void state(SessionConnection c, LinkState state, String reason) {
            if (sessions.changeState(c.sessionId(), state, reason)) {
                connectionChanged.fire(new ConnectionChanged(c.sessionId(), state == LinkState.CONNECTED,
                        state.wire(), reason, null, null));
            }
        }

        @Override
        public void linked(SessionConnection c, String ownNumber, String ownLid, LinkState state) {
            if (sessions.linked(c.sessionId(), ownNumber, ownLid, state)) {
                connectionChanged.fire(new ConnectionChanged(c.sessionId(), state == LinkState.CONNECTED,
                        state.wire(), null, ownNumber, ownLid));
            }
        }

        @Override
        public void qrCode(SessionConnection c, String qr) {
            qrCodeIssued.fire(new QrCodeIssued(c.sessionId(), qr));
        }

        @Override
        public void pairingCode(SessionConnection c, String code, String phoneNumber) {
            pairingCodeIssued.fire(new PairingCodeIssued(c.sessionId(), code, phoneNumber));
        }

        @Override
        public void statusReceipts(SessionConnection c, List<StatusReceipt> receipts, Runnable ackAfterCommit) {
            statusReceiptsArrived.fire(new StatusReceiptsArrived(c.sessionId(), receipts, ackAfterCommit));
        }

        @Override
        public void loggedOut(SessionConnection c) {
            sessions.forgetKeyMaterial(c.sessionPk());
            state(c, LinkState.LOGGED_OUT, "logged-out");
            connections.remove(c.sessionId(), c);
        }
    }
}
