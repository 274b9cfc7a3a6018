package app.statustracker.wa.transport;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeBuilder;
import app.statustracker.wa.binary.NodeDecoder;
import app.statustracker.wa.binary.NodeEncoder;
import app.statustracker.wa.noise.ClientHandshakeResult;
import app.statustracker.wa.noise.CounterExhaustedException;
import app.statustracker.wa.noise.FrameDecoder;
import app.statustracker.wa.noise.FrameEncoder;
import app.statustracker.wa.noise.HandshakeFailedException;
import app.statustracker.wa.noise.NoiseClientHandshake;
import app.statustracker.wa.noise.TransportCipher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One WebSocket connection to WhatsApp (docs/protocol.md, Connection): intro header and ClientHello in the first
 * message, the Noise XX handshake, then binary nodes encrypted one per frame. Non-blocking throughout:
 * input arrives through {@link WebSocketInbound} callbacks, output is a chain of futures, timers run on the
 * shared scheduler. Created by {@link WaConnector#connect}.
 *
 * <p>Every failure ends the connection with a typed {@link CloseReason}, delivered once to the listener and
 * to {@link #closeFuture()}. {@link #send} and {@link #sendIq} are thread-safe.
 */
public final class WaConnection {
    private static final String ORIGIN = "https://web.whatsapp.com";

    private enum State { CONNECTING, HANDSHAKE, OPEN, CLOSED }

    private final ConnectRequest request;
    private final ConnectionListener listener;
    private final TransportOptions options;
    private final ScheduledExecutorService scheduler;
    private final PendingIqs iqs;
    private final KeepAlive keepAlive;
    private final NodeEncoder nodeEncoder = new NodeEncoder();
    private final NodeDecoder nodeDecoder = new NodeDecoder();
    private final FrameEncoder frameEncoder = FrameEncoder.forClient();
    private final InboundFrames inbound;
    private final NoiseClientHandshake handshake;
    private final CompletableFuture<WaConnection> ready = new CompletableFuture<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.CONNECTING);

    private final Object sendLock = new Object();
    /** The last queued WebSocket send; the JDK allows one outstanding send, so each waits for the previous. */
    private CompletableFuture<?> outbound = CompletableFuture.completedFuture(null);
    private TransportCipher sending;

    private volatile WebSocket webSocket;
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile ScheduledFuture<?> handshakeTimer;

    WaConnection(ConnectRequest request, ConnectionListener listener, TransportOptions options,
                 ScheduledExecutorService scheduler) {
        this.request = request;
        this.listener = listener;
        this.options = options;
        this.scheduler = scheduler;
        this.iqs = new PendingIqs(scheduler);
        this.keepAlive = new KeepAlive(this, options);
        this.handshake = new NoiseClientHandshake(request.noiseKey(), request.verifier());
        this.inbound = new InboundFrames(this, FrameDecoder.forClient(options.maxFrameLength()));
    }

    void open(HttpClient httpClient) {
        handshakeTimer = scheduler.schedule(() -> closeWith(CloseReason.of(CloseReason.Kind.HANDSHAKE_TIMEOUT,
                        "no completed handshake within " + options.handshakeTimeout().toMillis() + " ms")),
                options.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        httpClient.newWebSocketBuilder()
                .header("Origin", ORIGIN)
                .connectTimeout(options.connectTimeout())
                .buildAsync(request.endpoint(), new WebSocketInbound(this, inbound))
                .whenComplete((socket, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        closeWith(CloseReason.of(CloseReason.Kind.CONNECT_FAILED,
                                "cannot open " + request.endpoint() + ": " + cause, cause));
                    } else if (state.get() == State.CLOSED) {
                        socket.abort();
                    }
                });
    }

    /** Called once the WebSocket is open: the intro header and ClientHello go out as one message
     * (docs/protocol.md, Connection). */
    void onWebSocketOpen(WebSocket socket) {
        webSocket = socket;
        lastReceivedNanos = System.nanoTime();
        if (!state.compareAndSet(State.CONNECTING, State.HANDSHAKE)) {
            socket.abort();
            return;
        }
        synchronized (sendLock) {
            enqueue(frameEncoder.encode(handshake.clientHello()));
        }
    }

    boolean isHandshaking() {
        return state.get() == State.HANDSHAKE;
    }

    /** The server's first frame: authenticate it, send ClientFinish, switch to the transport ciphers. */
    TransportCipher finishHandshake(byte[] serverHello) throws HandshakeFailedException {
        ClientHandshakeResult result = handshake.onServerHello(serverHello, request.clientPayload().get());
        synchronized (sendLock) {
            sending = result.sending();
            enqueue(frameEncoder.encode(result.clientFinish()));
        }
        if (state.compareAndSet(State.HANDSHAKE, State.OPEN)) {
            handshakeTimer.cancel(false);
            keepAlive.start(scheduler);
            ready.complete(this);
        }
        return result.receiving();
    }

    /** A decrypted node: the answer to a pending iq, or news for the listener. */
    void deliver(Node node) {
        if (iqs.complete(node)) {
            return;
        }
        try {
            listener.onNode(this, node);
        } catch (RuntimeException e) {
            closeWith(CloseReason.of(CloseReason.Kind.LISTENER_FAILED, "listener failed on <" + node.tag() + ">: " + e, e));
        }
    }

    void markReceived() {
        lastReceivedNanos = System.nanoTime();
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    NodeDecoder nodeDecoder() {
        return nodeDecoder;
    }

    /** Encrypts and queues one node; the future completes when the WebSocket accepted the bytes. */
    public CompletableFuture<Void> send(Node node) {
        if (state.get() != State.OPEN) {
            return CompletableFuture.failedFuture(notOpen());
        }
        byte[] plaintext = nodeEncoder.encode(node);
        synchronized (sendLock) {
            byte[] ciphertext;
            try {
                ciphertext = sending.encrypt(plaintext);
            } catch (CounterExhaustedException e) {
                closeWith(CloseReason.of(CloseReason.Kind.PROTOCOL_ERROR, e.getMessage(), e));
                return CompletableFuture.failedFuture(notOpen());
            }
            return enqueue(frameEncoder.encode(ciphertext));
        }
    }

    /** {@link #sendIq(Node, Duration)} with the configured {@link TransportOptions#iqTimeout()}. */
    public CompletableFuture<Node> sendIq(Node iq) {
        return sendIq(iq, options.iqTimeout());
    }

    /**
     * Sends an iq and completes with the server's {@code result} or {@code error} iq of the same id (an error
     * answer is a normal completion: the caller reads its {@code <error code>}). An iq without an id gets one.
     * Fails with {@link IqTimeoutException} when no answer comes in time, or {@link ConnectionClosedException}.
     */
    public CompletableFuture<Node> sendIq(Node iq, Duration timeout) {
        String id = iq.attr("id");
        Node outgoing = iq;
        if (id == null) {
            id = newIqId();
            outgoing = withId(iq, id);
        }
        String waitingId = id;
        CompletableFuture<Node> answer = iqs.expect(waitingId, timeout);
        send(outgoing).whenComplete((sent, failure) -> {
            if (failure != null) {
                iqs.fail(waitingId, failure);
            }
        });
        return answer;
    }

    /** A fresh iq id, unique on this connection. */
    public String newIqId() {
        return iqs.nextId();
    }

    public boolean isOpen() {
        return state.get() == State.OPEN;
    }

    public URI endpoint() {
        return request.endpoint();
    }

    /** Completes when the Noise handshake is done; fails when the connection ends first. */
    public CompletableFuture<WaConnection> ready() {
        return ready;
    }

    /** Completes, with the reason, when the connection has ended. */
    public CompletableFuture<CloseReason> closeFuture() {
        return closed;
    }

    /** Ends the connection cleanly (WebSocket close 1000); the listener gets {@code CLOSED_LOCALLY}. */
    public void close() {
        closeWith(CloseReason.of(CloseReason.Kind.CLOSED_LOCALLY, "closed by the application"));
    }

    /** Ends the connection once; later calls are ignored, so the first reason wins. */
    boolean closeWith(CloseReason reason) {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) {
            return false;
        }
        ScheduledFuture<?> timer = handshakeTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        keepAlive.stop();
        ConnectionClosedException failure = new ConnectionClosedException(reason);
        iqs.failAll(failure);
        ready.completeExceptionally(failure);
        shutDownSocket(reason);
        try {
            listener.onClose(this, reason);
        } finally {
            closed.complete(reason);
        }
        return true;
    }

    private void shutDownSocket(CloseReason reason) {
        WebSocket socket = webSocket;
        if (socket == null) {
            return;
        }
        switch (reason.kind()) {
            // the JDK answers a server's close frame by itself once our onClose returns
            case CLOSED_BY_SERVER -> { }
            case CONNECTION_LOST, CONNECT_FAILED -> socket.abort();
            default -> {
                int status = reason.kind() == CloseReason.Kind.CLOSED_LOCALLY ? WebSocket.NORMAL_CLOSURE : 1002;
                synchronized (sendLock) {
                    outbound = outbound.handle((ignored, failure) -> null)
                            .thenCompose(ignored -> socket.sendClose(status, ""));
                }
                scheduler.schedule(socket::abort, options.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Caller holds sendLock, which keeps encryption order and send order the same. */
    private CompletableFuture<Void> enqueue(byte[] message) {
        WebSocket socket = webSocket;
        CompletableFuture<Void> sent = outbound
                .thenCompose(ignored -> socket.sendBinary(ByteBuffer.wrap(message), true))
                .thenApply(ignored -> null);
        outbound = sent;
        sent.whenComplete((ignored, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                closeWith(CloseReason.of(CloseReason.Kind.CONNECTION_LOST, "send failed: " + cause, cause));
            }
        });
        return sent;
    }

    private ConnectionClosedException notOpen() {
        CloseReason reason = closed.getNow(null);
        return new ConnectionClosedException(reason != null ? reason
                : CloseReason.of(CloseReason.Kind.PROTOCOL_ERROR, "connection is not open yet (state " + state.get() + ")"));
    }

    private static Node withId(Node iq, String id) {
        NodeBuilder copy = Node.builder(iq.tag()).attr("id", id).attrs(iq.attributes());
        switch (iq.contentKind()) {
            case CHILDREN -> copy.children(iq.children());
            case BYTES -> copy.bytes(iq.contentBytes());
            case TEXT -> copy.text(iq.contentText());
            case NONE -> { }
        }
        return copy.build();
    }
}
