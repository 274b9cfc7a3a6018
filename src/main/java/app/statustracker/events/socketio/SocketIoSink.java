package app.statustracker.events.socketio;

import app.statustracker.events.PublishedEvent;
import app.statustracker.events.QueuedSink;
import io.socket.engineio.server.parser.Packet;
import io.socket.socketio.server.SocketIoSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One authenticated Socket.IO client on the event bus: the seed's event names, the data as a JSON object. An event
 * counts as delivered when it is written: on WebSocket when its frame is, on polling when the Engine.IO socket has
 * flushed it into a poll's answer ({@code drain}). Until then the next events wait in this sink's bounded queue,
 * where newer viewer lists replace older ones, rather than piling up unbounded in the library's buffer.
 */
final class SocketIoSink extends QueuedSink {
    private final SocketIoSocket socket;
    private final AtomicReference<CompletableFuture<Void>> nextDrain = new AtomicReference<>();
    private volatile String followed;

    SocketIoSink(SocketIoSocket socket, int capacity, Executor executor) {
        super(capacity, executor);
        this.socket = socket;
        // the whole buffer goes out at a flush, so any drain after our send means our packet went out too
        socket.getClient().getConnection().on("drain", args -> {
            CompletableFuture<Void> waiting = nextDrain.getAndSet(null);
            if (waiting != null) {
                waiting.complete(null);
            }
        });
    }

    /** Only this session's events from now on; null for all of them. */
    void follow(String sessionId) {
        followed = sessionId;
    }

    @Override
    protected boolean wants(PublishedEvent event) {
        String only = followed;
        return only == null || only.equals(event.sessionId());
    }

    @Override
    protected CompletionStage<?> deliver(PublishedEvent event) {
        // The packet encoded once for all clients (PublishedEvent): the library's send would parse the data into
        // org.json and encode it again for every client, which made a 1,000-viewer list cost more CPU per client
        // than everything else.
        if (!socket.isConnected()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        nextDrain.set(drained);
        List<CompletableFuture<Void>> frames = JakartaEngineSocket.writesOf(() ->
                socket.getClient().getConnection().send(new Packet<>(Packet.MESSAGE, event.socketIoPacket())));
        return frames.isEmpty() ? drained : CompletableFuture.allOf(frames.toArray(CompletableFuture[]::new));
    }

    @Override
    protected void drop(String reason) {
        socket.disconnect(true);
    }

    @Override
    public boolean isOpen() {
        return socket.isConnected();
    }
}
