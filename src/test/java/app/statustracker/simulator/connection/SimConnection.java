package app.statustracker.simulator.connection;

import app.statustracker.simulator.journal.Direction;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.noise.NoiseResponder;
import app.statustracker.simulator.noise.ResponderResult;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.ProtocolException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeDecoder;
import app.statustracker.wa.binary.NodeEncoder;
import app.statustracker.wa.noise.FrameDecoder;
import app.statustracker.wa.noise.FrameEncoder;
import app.statustracker.wa.noise.TransportCipher;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * The server side of one client connection (docs/protocol.md, Simulator): intro and ClientHello → ServerHello,
 * ClientFinish → recorded ClientPayload and its answer, then encrypted stanzas both ways, each recorded in the journal.
 * Input comes from one Java-WebSocket worker at a time; output goes through the simulator's single
 * outbound thread so that a configured delay keeps frames in the order they were encrypted.
 */
public final class SimConnection {
    public enum Stage { AWAITING_HELLO, AWAITING_FINISH, TRANSPORT, CLOSED }

    private final String id;
    private final WebSocket socket;
    private final String origin;
    private final ConnectionContext context;
    private final FrameDecoder frameDecoder = FrameDecoder.forServer(FrameDecoder.PROTOCOL_MAX_FRAME_LENGTH);
    private final FrameEncoder frameEncoder = FrameEncoder.forServer();
    private final NodeEncoder nodeEncoder = new NodeEncoder();
    private final NodeDecoder nodeDecoder = new NodeDecoder();
    private final NoiseResponder responder;
    private final AtomicLong stanzaIds = new AtomicLong();

    private volatile Stage stage = Stage.AWAITING_HELLO;
    private volatile RecordedClientPayload payload;
    private volatile List<String> pairingRefs = List.of();
    private volatile String failure;
    private volatile int closeCode = -1;
    private volatile long delayMillis;
    private volatile int fragmentBytes;
    private volatile Boolean introArrivedWithFirstFrame;
    private volatile DeviceAddress device;
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private TransportCipher receiving;
    private TransportCipher sending;  // guarded by this
    private long nextSendNanos;       // guarded by this

    public SimConnection(String id, WebSocket socket, String origin, ConnectionContext context) {
        this.id = id;
        this.socket = socket;
        this.origin = origin;
        this.context = context;
        this.responder = new NoiseResponder(context.serverStatic(), context.certificateChain());
    }

    public void onBytes(ByteBuffer bytes) {
        try {
            List<byte[]> frames = frameDecoder.feed(bytes);
            if (introArrivedWithFirstFrame == null) {
                introArrivedWithFirstFrame = !frames.isEmpty();
            }
            for (byte[] frame : frames) {
                onFrame(frame);
            }
        } catch (ProtocolException | InvalidProtocolBufferException e) {
            fail(e.getMessage());
        }
    }

    private void onFrame(byte[] frame) throws ProtocolException, InvalidProtocolBufferException {
        switch (stage) {
            case AWAITING_HELLO -> {
                byte[] serverHello = responder.onClientHello(frame);
                stage = Stage.AWAITING_FINISH;
                synchronized (this) {
                    transmit(frameEncoder.encode(serverHello));
                }
            }
            case AWAITING_FINISH -> {
                ResponderResult result = responder.onClientFinish(frame);
                receiving = result.receiving();
                synchronized (this) {
                    sending = result.sending();
                }
                payload = RecordedClientPayload.decode(result.clientPayload(), result.clientStaticKey());
                stage = Stage.TRANSPORT;
                context.changed().run();
                context.dispatcher().onPayload(this, payload);
            }
            case TRANSPORT -> {
                Node stanza = nodeDecoder.decodeFrame(receiving.decrypt(frame));
                context.journal().record(id, Direction.INBOUND, stanza);
                context.dispatcher().onStanza(this, stanza);
            }
            case CLOSED -> { }
        }
    }

    public void send(Node stanza) {
        sendTogether(List.of(stanza));
    }

    /** Several stanzas as consecutive frames in one WebSocket message, as servers may batch them
     * (docs/protocol.md, Connection). */
    public synchronized void sendTogether(List<Node> stanzas) {
        if (sending == null || stage == Stage.CLOSED) {
            return;
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        for (Node stanza : stanzas) {
            context.journal().record(id, Direction.OUTBOUND, stanza);
            try {
                message.writeBytes(frameEncoder.encode(sending.encrypt(nodeEncoder.encode(stanza))));
            } catch (ProtocolException e) {
                fail(e.getMessage());
                return;
            }
        }
        transmit(message.toByteArray());
    }

    /** Closes the WebSocket once everything queued before has been written. */
    public synchronized void closeAfterPendingSends(int code, String reason) {
        schedule(() -> socket.close(code, reason));
    }

    /**
     * Sends a {@code <stream:error>} (restart 515, conflict, device removed…) and closes after it, as the
     * server ends a stream (docs/protocol.md, Login).
     */
    public void endStream(Node streamError, String reason) {
        send(streamError);
        closeAfterPendingSends(CloseFrame.NORMAL, reason);
    }

    /**
     * Records that the simulator refused something this client sent (a bad signature, a malformed upload)
     * and why; tests read {@link #refusals()} to see that a strict check fired.
     */
    public void refuse(String reason) {
        refusals.add(reason);
        System.err.println("[simulator] connection " + id + " refused: " + reason);
    }

    /** Set by the login handler once the payload was accepted. */
    public void loggedIn(DeviceAddress address) {
        device = address;
        context.changed().run();
    }

    /** Breaks the TCP connection without a WebSocket close, like a network failure. */
    public void drop() {
        // closeConnection alone closes the channel lazily (NIO defers it while the selector sleeps), so an idle
        // client would notice only when it next sends; a FIN now makes the drop visible at once, as a cut would
        if (socket instanceof WebSocketImpl impl && impl.getChannel() instanceof SocketChannel channel) {
            try {
                channel.shutdownOutput();
            } catch (IOException ignored) {
                // already gone
            }
        }
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
    }

    /** Closes the WebSocket now (close frame 1000). */
    public void close() {
        socket.close(CloseFrame.NORMAL, "closed by the test");
    }

    /** Holds back every later outbound message by {@code millis} (0 restores normal service). */
    public void delayOutbound(long millis) {
        delayMillis = Math.max(0, millis);
    }

    /** Splits every later outbound message into WebSocket messages of at most {@code bytes} (0 = whole). */
    public void fragmentOutbound(int bytes) {
        fragmentBytes = Math.max(0, bytes);
    }

    /** Caller holds this, so that schedule order is encryption order. */
    private void transmit(byte[] message) {
        schedule(() -> write(message));
    }

    private synchronized void schedule(Runnable write) {
        long now = System.nanoTime();
        nextSendNanos = Math.max(now + TimeUnit.MILLISECONDS.toNanos(delayMillis), nextSendNanos);
        context.outbound().schedule(write, nextSendNanos - now, TimeUnit.NANOSECONDS);
    }

    private void write(byte[] message) {
        try {
            int chunk = fragmentBytes;
            if (chunk <= 0) {
                socket.send(message);
                return;
            }
            for (int from = 0; from < message.length; from += chunk) {
                socket.send(Arrays.copyOfRange(message, from, Math.min(message.length, from + chunk)));
            }
        } catch (WebsocketNotConnectedException e) {
            // the client left while this was delayed; nothing is lost that a real server would deliver
        }
    }

    private void fail(String reason) {
        failure = reason;
        System.err.println("[simulator] connection " + id + " failed: " + reason);
        socket.close(CloseFrame.PROTOCOL_ERROR, reason.length() > 100 ? reason.substring(0, 100) : reason);
    }

    public void onClosed(int code) {
        closeCode = code;
        stage = Stage.CLOSED;
        context.changed().run();
    }

    public void rememberPairingRefs(List<String> refs) {
        pairingRefs = List.copyOf(refs);
    }

    public String newStanzaId() {
        return "sim." + id + "." + stanzaIds.incrementAndGet();
    }

    public String id() {
        return id;
    }

    public Stage stage() {
        return stage;
    }

    public boolean isOpen() {
        return stage != Stage.CLOSED;
    }

    /** The Origin header of the WebSocket upgrade request, or null. */
    public String origin() {
        return origin;
    }

    public Optional<RecordedClientPayload> payload() {
        return Optional.ofNullable(payload);
    }

    /** The device this connection logged in as, once {@code <success>} was sent. */
    public Optional<DeviceAddress> device() {
        return Optional.ofNullable(device);
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public List<String> pairingRefs() {
        return pairingRefs;
    }

    /** Why the simulator gave up on this connection (a protocol failure), if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The WebSocket close code once closed (1006 for a dropped connection), else -1. */
    public int closeCode() {
        return closeCode;
    }

    /** Whether the client's first WebSocket message held the intro header and a whole first frame
     * (docs/protocol.md, Connection). */
    public Optional<Boolean> introArrivedWithFirstFrame() {
        return Optional.ofNullable(introArrivedWithFirstFrame);
    }

    public List<SeenStanza> stanzas() {
        return context.journal().forConnection(id);
    }
}
