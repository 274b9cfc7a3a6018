package app.statustracker.events;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Live events at {@code /ws}. {@link EventsAuthFilter} lets only clients with the API key reach the upgrade;
 * the endpoint only talks: anything a client sends is ignored.
 */
@ServerEndpoint("/ws")
public class EventsEndpoint {
    private WebSocketSink sink;

    @OnOpen
    public void open(Session session) {
        EventBroadcaster broadcaster = broadcaster();
        sink = new WebSocketSink(session, broadcaster.queueCapacity(), broadcaster.deliveryExecutor());
        broadcaster.register(sink);
    }

    @OnMessage
    public void ignore(String message) {
        // events flow one way
    }

    @OnClose
    public void close(Session session) {
        if (sink != null) {
            broadcaster().unregister(sink);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        close(session);
    }

    private static EventBroadcaster broadcaster() {
        return CDI.current().select(EventBroadcaster.class).get();
    }

    /** Sends asynchronously, one event at a time: the next goes when the container has written the previous. */
    private static final class WebSocketSink extends QueuedSink {
        private final Session session;

        WebSocketSink(Session session, int capacity, Executor executor) {
            super(capacity, executor);
            this.session = session;
        }

        @Override
        protected CompletionStage<?> deliver(PublishedEvent event) {
            CompletionStage<?> encodedOnce = TextFrames.send(session, event.envelopeJson());
            if (encodedOnce != null) {
                return encodedOnce;
            }
            CompletableFuture<Void> sent = new CompletableFuture<>();
            session.getAsyncRemote().sendText(event.envelopeJson(), result -> {
                if (result.isOK()) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(result.getException());
                }
            });
            return sent;
        }

        @Override
        protected void drop(String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, reason));
            } catch (IOException e) {
                // the connection is going anyway
            }
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }
    }
}
