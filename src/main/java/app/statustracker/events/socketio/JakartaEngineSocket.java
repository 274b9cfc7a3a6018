package app.statustracker.events.socketio;

import app.statustracker.events.TextFrames;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Jakarta WebSocket session as Engine.IO sees a socket. Writes are asynchronous, so a slow client never blocks
 * the sender; at most {@value #MAX_PENDING} frames may wait unsent, beyond that the client is closed as too slow.
 * A caller that wants to know when the frames of one send are written ({@link #writesOf}) gets their completions:
 * the library hands our packets to this class on the caller's thread, but offers no completion of its own.
 */
final class JakartaEngineSocket extends EngineIoWebSocket {
    static final int MAX_PENDING = 256;

    private final Session session;
    private final Map<String, String> query;
    private final AtomicInteger pending = new AtomicInteger();
    private final SendHandler sent = result -> pending.decrementAndGet();
    /** The completions of the frames written on this thread while {@link #writesOf} runs; null otherwise. */
    private static final ThreadLocal<List<CompletableFuture<Void>>> TRACKED = new ThreadLocal<>();

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

    /**
     * Runs {@code send} (a send through the Engine.IO socket) and returns the completions of the WebSocket frames it
     * wrote on this thread: empty when the socket's transport is polling, or had nothing to flush.
     */
    static List<CompletableFuture<Void>> writesOf(Runnable send) {
        List<CompletableFuture<Void>> writes = new ArrayList<>(1);
        TRACKED.set(writes);
        try {
            send.run();
        } finally {
            TRACKED.remove();
        }
        return writes;
    }

    @Override
    public void write(String message) throws IOException {
        reserve();
        SendHandler done = handler();
        // the library builds the same event's message afresh for each client; TextFrames encodes it once
        CompletionStage<?> encodedOnce = TextFrames.send(session, message);
        if (encodedOnce == null) {
            session.getAsyncRemote().sendText(message, done);
            return;
        }
        encodedOnce.whenComplete((ignored, failure) ->
                done.onResult(failure == null ? new SendResult() : new SendResult(failure)));
    }

    @Override
    public void write(byte[] message) throws IOException {
        reserve();
        session.getAsyncRemote().sendBinary(ByteBuffer.wrap(message), handler());
    }

    private SendHandler handler() {
        List<CompletableFuture<Void>> tracked = TRACKED.get();
        if (tracked == null) {
            return sent;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        tracked.add(written);
        return result -> {
            pending.decrementAndGet();
            if (result.isOK()) {
                written.complete(null);
            } else {
                written.completeExceptionally(result.getException());
            }
        };
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
