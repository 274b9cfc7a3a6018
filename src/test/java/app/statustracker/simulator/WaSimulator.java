package app.statustracker.simulator;

import app.statustracker.simulator.connection.ConnectionContext;
import app.statustracker.simulator.connection.OnlineDevices;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.delivery.Deliveries;
import app.statustracker.simulator.delivery.DeviceListNotices;
import app.statustracker.simulator.delivery.PendingStanza;
import app.statustracker.simulator.handler.DeviceRemoval;
import app.statustracker.simulator.handler.MediaConnHandler;
import app.statustracker.simulator.handler.ReceiptRouter;
import app.statustracker.simulator.handler.StanzaDispatcher;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.journal.StanzaJournal;
import app.statustracker.simulator.media.MediaHost;
import app.statustracker.simulator.media.StoredUpload;
import app.statustracker.simulator.noise.CertificateChainGenerator;
import app.statustracker.simulator.pairing.CompanionLinker;
import app.statustracker.simulator.pairing.LinkCodeExchange;
import app.statustracker.simulator.pairing.PairingAttempt;
import app.statustracker.simulator.relay.AckFault;
import app.statustracker.simulator.relay.MessageLog;
import app.statustracker.simulator.relay.ReceiptShape;
import app.statustracker.simulator.relay.Relay;
import app.statustracker.simulator.relay.RelaySettings;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.relay.RelayedReceipt;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.simulator.state.VirtualCompanion;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;

/**
 * A loopback WhatsApp server for tests (docs/protocol.md, Simulator): a WebSocket endpoint on 127.0.0.1 that speaks
 * the Noise handshake with its own certificate root, records each client's ClientPayload and every stanza,
 * and answers through small per-concern handlers. This class is the control surface tests use; the
 * standalone {@link SimulatorMain} exposes the same operations over HTTP.
 */
public final class WaSimulator implements AutoCloseable {
    private final Curve25519KeyPair rootKey;
    private final Curve25519KeyPair serverStatic = Curve25519.generateKeyPair();
    private final Accounts accounts = new Accounts();
    private final StanzaJournal journal = new StanzaJournal();
    private final Map<String, SimConnection> connections = new ConcurrentHashMap<>();
    private final OnlineDevices online = new OnlineDevices();
    private final DeviceRemoval removal = new DeviceRemoval(accounts, online);
    private final DeviceListNotices deviceListNotices = new DeviceListNotices(online);
    private final CompanionLinker linker = new CompanionLinker(() -> List.copyOf(connections.values()));
    private final LinkCodeExchange linkCodes = new LinkCodeExchange(accounts, linker);
    private final Relay relay = new Relay(accounts, new Deliveries(online), new MessageLog(), new RelaySettings());
    private final ReceiptRouter receiptRouter = new ReceiptRouter(relay);
    private final AtomicLong connectionIds = new AtomicLong();
    private final ScheduledExecutorService outbound;
    private final ConnectionContext context;
    private final ChatWebSocketServer server;
    private final MediaHost mediaHost;
    private final MediaConnHandler mediaConn;
    private final Object changes = new Object();
    private volatile int port;

    private WaSimulator(SimulatorConfig config) {
        this.rootKey = config.rootKey();
        accounts.onDeviceChange(deviceListNotices::changed);
        this.outbound = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulator-outbound");
            thread.setDaemon(true);
            return thread;
        });
        byte[] chain = new CertificateChainGenerator(rootKey, serverStatic.publicKey()).generate();
        this.mediaHost = MediaHost.start(config.media());
        this.mediaConn = new MediaConnHandler(mediaHost, config.media());
        this.context = new ConnectionContext(journal, StanzaDispatcher.standard(accounts, online, removal, linker,
                linkCodes, config.preKeyCountFloor(), relay, mediaConn, deviceListNotices), outbound, serverStatic,
                chain, this::signalChange);
        this.server = new ChatWebSocketServer(new InetSocketAddress("127.0.0.1", config.port()), this);
    }

    /** Starts on a free port with a fresh root key. */
    public static WaSimulator start() {
        return start(SimulatorConfig.defaults());
    }

    public static WaSimulator start(SimulatorConfig config) {
        WaSimulator simulator = new WaSimulator(config);
        simulator.server.start();
        try {
            simulator.port = simulator.server.started().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            simulator.close();
            throw new IllegalStateException("simulator did not start on port " + config.port() + ": " + e, e);
        }
        return simulator;
    }

    SimConnection accept(WebSocket socket, String origin) {
        String id = "c" + connectionIds.incrementAndGet();
        SimConnection connection = new SimConnection(id, socket, origin, context);
        connections.put(id, connection);
        signalChange();
        return connection;
    }

    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + port + ChatWebSocketServer.PATH);
    }

    /** What clients must trust instead of WhatsApp's root (Baileys' WA_CERT_DETAILS.PUBLIC_KEY). */
    public byte[] rootPublicKey() {
        return rootKey.publicKey();
    }

    /** The HTTPS media host that media_conn points clients at; uploads and download counts live there. */
    public MediaHost mediaHost() {
        return mediaHost;
    }

    /**
     * PEM of the throw-away CA behind the media host's certificate: clients must trust it (Node:
     * NODE_EXTRA_CA_CERTS at process start; the service: WA_EXTRA_CA_FILE). Deleted when the simulator closes.
     */
    public Path mediaCaFile() {
        return mediaHost.caFile();
    }

    /** {@code 127.0.0.1:<port>}, as media_conn names the host. */
    public String mediaHostname() {
        return mediaHost.hostname();
    }

    /** Every upload the media host accepted, oldest first. */
    public List<StoredUpload> mediaUploads() {
        return mediaHost.uploads();
    }

    /** Makes the auth of every media_conn answered so far stale (uploads with it get 401); returns the new one. */
    public String rotateMediaAuth() {
        return mediaHost.rotateAuth();
    }

    /** media_conn queries answered so far: tells whether a client reused its cached answer. */
    public int mediaConnQueries() {
        return mediaConn.queries();
    }

    /** The media_conn handler itself, for tests that want its answer without a connection. */
    public MediaConnHandler mediaConnHandler() {
        return mediaConn;
    }

    public Account createAccount(String phoneNumber) {
        return accounts.create(phoneNumber);
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The account of {@code phoneNumber}; {@link NoSuchElementException} if none was created. */
    public Account account(String phoneNumber) {
        return accounts.find(phoneNumber).orElseThrow(() -> new NoSuchElementException("no account " + phoneNumber));
    }

    /**
     * Adds {@code count} companions to the account with real key material and {@code oneTimeKeys} one-time
     * pre-keys each, but no client behind them (see {@link VirtualCompanion}): audience devices for benchmarks.
     * Also generates the simulated primary's keys now, so that no later bundle fetch pays for them.
     */
    public List<RegisteredDevice> addVirtualCompanions(String phoneNumber, int count, int oneTimeKeys) {
        if (count < 0 || oneTimeKeys < 0) {
            throw new IllegalArgumentException("count and oneTimeKeys must not be negative");
        }
        Account account = account(phoneNumber);
        account.primary();
        List<RegisteredDevice> added = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            added.add(VirtualCompanion.register(account, oneTimeKeys));
        }
        return added;
    }

    /**
     * The primary phone of {@code phoneNumber} scans a companion's QR (docs/protocol.md, Pairing). The QR must carry
     * a ref issued to an open connection ({@link NoSuchElementException} otherwise) and be well-formed
     * ({@link IllegalArgumentException}). Returns at once: pair-success is on its way unless the QR's keys
     * do not match that connection (then the attempt is already REJECTED). The attempt becomes LINKED when
     * the companion's pair-device-sign verified and 515 was sent, REJECTED with the reason otherwise.
     */
    public PairingAttempt scanQr(String phoneNumber, String qr) {
        return linker.scanQr(account(phoneNumber), qr);
    }

    /**
     * The user types {@code code} on the primary phone of {@code phoneNumber} (docs/protocol.md, Pairing):
     * primary_hello goes to the connection whose companion_hello for this number came last. A dash and lower case are
     * accepted. A wrong code is noticed only at companion_finish (the wrapping has no integrity): the attempt is then
     * REJECTED and the companion gets error 400; the code stays valid, so the right one can still be typed.
     */
    public PairingAttempt enterPairingCode(String phoneNumber, String code) {
        account(phoneNumber);
        return linkCodes.enterPairingCode(phoneNumber, code);
    }

    /** Every scan and code entry so far, oldest first. */
    public List<PairingAttempt> pairingAttempts() {
        return linker.attempts();
    }

    public PairingAttempt pairingAttempt(String id) {
        return linker.attempt(id);
    }

    /**
     * The phone removes a linked device: an open connection of it gets {@code <stream:error code="401">
     * <conflict type="device_removed"/>} and is closed; its keys are forgotten and its next login fails 401.
     */
    public void unlink(String phoneNumber, int deviceId) {
        removal.unlink(new DeviceAddress(phoneNumber, deviceId));
    }

    /**
     * Acts as a second login of the device elsewhere: its open connection gets {@code <stream:error>
     * <conflict type="replaced"/>} (Baileys: close 440) and is closed. Returns that connection's id.
     */
    public Optional<String> kickDuplicate(String phoneNumber, int deviceId) {
        return removal.replace(new DeviceAddress(phoneNumber, deviceId)).map(SimConnection::id);
    }

    /** The open connection a device logged in on, if any. */
    public Optional<SimConnection> onlineConnection(String phoneNumber, int deviceId) {
        return online.get(new DeviceAddress(phoneNumber, deviceId));
    }

    /** All connections so far, open or closed, in no particular order. */
    public Collection<SimConnection> connections() {
        return List.copyOf(connections.values());
    }

    public SimConnection connection(String id) {
        SimConnection connection = connections.get(id);
        if (connection == null) {
            throw new NoSuchElementException("no connection " + id);
        }
        return connection;
    }

    /** Stanzas seen on one connection, both directions, in order. */
    public List<SeenStanza> stanzas(String connectionId) {
        return journal.forConnection(connectionId);
    }

    public StanzaJournal journal() {
        return journal;
    }

    public Optional<SeenStanza> awaitStanza(Predicate<SeenStanza> matches, Duration timeout) {
        return journal.await(matches, timeout);
    }

    /** Waits until some connection matches (e.g. has sent its ClientPayload, or has closed). */
    public Optional<SimConnection> awaitConnection(Predicate<SimConnection> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (true) {
                Optional<SimConnection> found = connections.values().stream().filter(matches).findFirst();
                long left = deadline - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    public void drop(String connectionId) {
        connection(connectionId).drop();
    }

    public void delayOutbound(String connectionId, long millis) {
        connection(connectionId).delayOutbound(millis);
    }

    /** The {@code notify} name on what the account sends (docs/protocol.md, Simulator); null leaves it out. */
    public void setPushName(String phoneNumber, String name) {
        account(phoneNumber).pushName(name);
    }

    /** Shape A (per viewer, the default; what Baileys surfaces) or B (aggregated) for receipts to posters
     * (docs/protocol.md, Receipts). */
    public void receiptShape(ReceiptShape shape) {
        relay.settings().receiptShape(shape);
    }

    public ReceiptShape receiptShape() {
        return relay.settings().receiptShape();
    }

    /** Off by default: a PN-addressed status gets ack error 479, as from a LID-migrated account
     * (docs/protocol.md, Status stanza). */
    public void acceptPnAddressedStatus(boolean accept) {
        relay.settings().acceptPnAddressedStatus(accept);
    }

    public boolean acceptsPnAddressedStatus() {
        return relay.settings().acceptPnAddressedStatus();
    }

    /** Every message devices sent (statuses, revokes, 1:1, retry resends, refused ones), oldest first. */
    public List<RelayedMessage> relayedMessages() {
        return relay.log().messages();
    }

    /** The accepted message with this id (the original, not a retry resend); {@link NoSuchElementException} if none. */
    public RelayedMessage relayedMessage(String id) {
        return relay.log().find(id).orElseThrow(() -> new NoSuchElementException("no relayed message " + id));
    }

    /** Waits for the first message (accepted or refused) with this id, until it is acked and fanned out. */
    public Optional<RelayedMessage> awaitRelayedMessage(String id, Duration timeout) {
        return relay.log().awaitMessage(message -> message.id().equals(id), timeout);
    }

    /** Receipts routed to the poster of status {@code messageId}, oldest first. */
    public List<RelayedReceipt> receipts(String messageId) {
        return relay.log().receipts(messageId);
    }

    /** Waits until {@code count} receipts for {@code messageId} match; returns those that match by then. */
    public List<RelayedReceipt> awaitReceipts(String messageId, Predicate<RelayedReceipt> matches, int count,
                                              Duration timeout) {
        return relay.log().awaitReceipts(receipt -> receipt.messageId().equals(messageId) && matches.test(receipt),
                count, timeout);
    }

    /**
     * As if every device of {@code viewerPhone} had viewed status {@code messageId}: a receipt of {@code type}
     * (null = delivery, "read", "played", "inactive") with {@code t = unixSeconds} goes to the poster's devices
     * in the current shape. The viewer must be an account (its LID is needed in LID mode).
     */
    public RelayedReceipt injectReceipt(String messageId, String viewerPhone, String type, long unixSeconds) {
        RelayedMessage status = relayedMessage(messageId);
        if (status.kind() != RelayedMessage.Kind.STATUS) {
            throw new IllegalArgumentException(messageId + " is no status");
        }
        return receiptRouter.toPoster(List.of(status), account(viewerPhone),
                new DeviceAddress(viewerPhone, 0), type, unixSeconds, true).get(0);
    }

    /** The next {@code count} messages from devices of {@code phoneNumber} get {@code fault} instead of a plain ack. */
    public void faultMessageAcks(String phoneNumber, AckFault fault, int count) {
        account(phoneNumber);
        relay.settings().addAckFault(phoneNumber, fault, count);
    }

    public void clearAckFaults(String phoneNumber) {
        relay.settings().clearAckFaults(phoneNumber);
    }

    /** What the server still owes a device: queued while it was offline, or sent and not acked, oldest first. */
    public List<PendingStanza> pendingStanzas(String phoneNumber, int deviceId) {
        return relay.deliveries().pending(new DeviceAddress(phoneNumber, deviceId));
    }

    /** How many stanzas wait in the device's offline queue (never sent yet). */
    public int offlineQueueSize(String phoneNumber, int deviceId) {
        return (int) pendingStanzas(phoneNumber, deviceId).stream().filter(PendingStanza::queued).count();
    }

    /** Closes every open connection (WebSocket close 1000); the server keeps accepting new ones. */
    public void closeAll() {
        connections.values().stream().filter(SimConnection::isOpen).forEach(SimConnection::close);
    }

    private void signalChange() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    @Override
    public void close() {
        try {
            server.stop(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            outbound.shutdownNow();
            mediaHost.close();
        }
    }
}
