package app.statustracker.wa.transport;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * The JDK WebSocket callbacks of one connection. Binary parts go straight to the frame decoder (it copies
 * what it keeps, so the buffer can be reused when we return); text messages are ignored, as whatsmeow does.
 * Each callback asks for exactly one more message, which keeps input flow-controlled per connection.
 */
final class WebSocketInbound implements WebSocket.Listener {
    private static final int ABNORMAL_CLOSURE = 1006;

    private final WaConnection connection;
    private final InboundFrames inbound;

    WebSocketInbound(WaConnection connection, InboundFrames inbound) {
        this.connection = connection;
        this.inbound = inbound;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        connection.onWebSocketOpen(webSocket);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        inbound.onBytes(data);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        connection.markReceived();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        // 1006 never travels on the wire (RFC 6455 §7.4.1): the JDK reports a TCP end without close frame so
        if (statusCode == ABNORMAL_CLOSURE) {
            connection.closeWith(new CloseReason(CloseReason.Kind.CONNECTION_LOST,
                    "connection ended without a WebSocket close", statusCode, null));
            return null;
        }
        String detail = reason == null || reason.isEmpty() ? "server closed the WebSocket" : reason;
        connection.closeWith(new CloseReason(CloseReason.Kind.CLOSED_BY_SERVER, detail, statusCode, null));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        connection.closeWith(CloseReason.of(CloseReason.Kind.CONNECTION_LOST, "WebSocket failed: " + error, error));
    }
}
