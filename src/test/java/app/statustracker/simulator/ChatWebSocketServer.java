package app.statustracker.simulator;

import app.statustracker.simulator.connection.SimConnection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The simulator's WebSocket endpoint, {@code /ws/chat} as on web.whatsapp.com (docs/protocol.md, Connection). It only
 * moves bytes: each socket gets a {@link SimConnection} as its attachment, which does the protocol.
 */
final class ChatWebSocketServer extends WebSocketServer {
    static final String PATH = "/ws/chat";

    private final WaSimulator simulator;
    private final CompletableFuture<Integer> started = new CompletableFuture<>();

    ChatWebSocketServer(InetSocketAddress address, WaSimulator simulator) {
        super(address);
        this.simulator = simulator;
        setReuseAddr(true);
    }

    CompletableFuture<Integer> started() {
        return started;
    }

    @Override
    public void onStart() {
        started.complete(getPort());
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        String path = handshake.getResourceDescriptor().replaceFirst("\\?.*$", "");
        if (!PATH.equals(path)) {
            socket.close(CloseFrame.POLICY_VALIDATION, "unknown path " + path);
            return;
        }
        String origin = handshake.hasFieldValue("Origin") ? handshake.getFieldValue("Origin") : null;
        socket.setAttachment(simulator.accept(socket, origin));
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        SimConnection connection = socket.getAttachment();
        if (connection != null) {
            connection.onBytes(message);
        }
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        // text frames are not part of the protocol; clients never send them and the server ignores them
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        SimConnection connection = socket.getAttachment();
        if (connection != null) {
            connection.onClosed(code);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            // the server itself failed, e.g. the port is taken
            started.completeExceptionally(error);
            System.err.println("[simulator] server error: " + error);
        } else {
            System.err.println("[simulator] socket error: " + error);
        }
    }
}
