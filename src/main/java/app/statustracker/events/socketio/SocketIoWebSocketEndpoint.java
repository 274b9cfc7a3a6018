package app.statustracker.events.socketio;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Engine.IO's WebSocket transport on the server's Jakarta WebSocket container (the library ships only a Jetty
 * binding): frames in and out of {@link JakartaEngineSocket}. {@link SocketIoAuthFilter} has already refused a
 * wrong key on the upgrade request.
 */
@ServerEndpoint("/socket.io/")
public class SocketIoWebSocketEndpoint {
    private JakartaEngineSocket bridge;

    @OnOpen
    public void open(Session session) {
        bridge = new JakartaEngineSocket(session);
        CDI.current().select(SocketIoEvents.class).get().engine().handleWebSocket(bridge);
    }

    @OnMessage
    public void text(String message) {
        bridge.emit("message", message);
    }

    @OnMessage
    public void binary(byte[] message) {
        bridge.emit("message", (Object) message);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (bridge != null) {
            bridge.emit("close", reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        if (bridge != null) {
            bridge.emit("error", "write error", String.valueOf(failure.getMessage()));
        }
    }
}
