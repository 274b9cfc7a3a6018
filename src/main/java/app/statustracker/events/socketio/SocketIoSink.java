package app.statustracker.events.socketio;

import app.statustracker.events.PublishedEvent;
import app.statustracker.events.QueuedSink;
import io.socket.socketio.server.SocketIoSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.json.JSONObject;

/** One authenticated Socket.IO client on the event bus: the seed's event names, the data as a JSON object. */
final class SocketIoSink extends QueuedSink {
    private final SocketIoSocket socket;
    private volatile String followed;

    SocketIoSink(SocketIoSocket socket, int capacity, Executor executor) {
        super(capacity, executor);
        this.socket = socket;
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
        // the transport queues it (polling) or writes it with its own bound (WebSocket): nothing to wait for here
        socket.send(event.name(), new JSONObject(event.dataJson()));
        return CompletableFuture.completedFuture(null);
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
