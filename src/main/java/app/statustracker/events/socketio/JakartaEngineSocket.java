package app.statustracker.events.socketio;

import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Jakarta WebSocket session as Engine.IO sees a socket. Writes are asynchronous, so a slow client never blocks
 * the sender; at most {@value #MAX_PENDING} frames may wait unsent, beyond that the client is closed as too slow.
 */
final class JakartaEngineSocket extends EngineIoWebSocket {
    static final int MAX_PENDING = 256;

    private final Session session;
    private final Map<String, String> query;
    private final AtomicInteger pending = new AtomicInteger();
    private final SendHandler sent = result -> pending.decrementAndGet();

    JakartaEngineSocket(Session session) {
        this.session = session;
        String raw = session.getQueryString();
        this.query = raw == null ? Map.of() : ParseQS.decode(raw);
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    /** A WebSocket session keeps no request headers; a key that came in one was checked by the filter already. */
    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return Map.of();
    }

    @Override
    public void write(String message) throws IOException {
        reserve();
        session.getAsyncRemote().sendText(message, sent);
    }

    @Override
    public void write(byte[] message) throws IOException {
        reserve();
        session.getAsyncRemote().sendBinary(ByteBuffer.wrap(message), sent);
    }

    private void reserve() throws IOException {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            close();
            throw new IOException("client too slow: " + MAX_PENDING + " frames unsent");
        }
    }

    @Override
    public void close() {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
        } catch (IOException e) {
            // closing anyway
        }
    }
}
