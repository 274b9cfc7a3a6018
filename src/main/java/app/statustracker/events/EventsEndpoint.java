package app.statustracker.events;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
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
        sink = new WebSocketSink(session);
        broadcaster().register(sink);
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

    private record WebSocketSink(Session session) implements EventSink {
        @Override
        public void send(String json) {
            session.getAsyncRemote().sendText(json);
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }
    }
}
