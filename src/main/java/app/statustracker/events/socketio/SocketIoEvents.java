package app.statustracker.events.socketio;

import app.statustracker.api.ApiKeys;
import app.statustracker.config.Settings;
import app.statustracker.events.EventBroadcaster;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * The seed's Socket.IO events at {@code /socket.io/} (Engine.IO protocol 4, on the {@code socket.io-server}
 * library): one server for both transports ({@link SocketIoServlet} for polling, {@link SocketIoWebSocketEndpoint}
 * for WebSocket). A client is a listener of the one event bus ({@link EventBroadcaster}) only once its key checked
 * out: a key that came with the HTTP request was checked by {@link SocketIoAuthFilter}; otherwise the handshake's
 * {@code auth.token} or {@code auth.apiKey} is checked here, and a client without a right key is disconnected
 * before it could receive anything. The library has no connect middleware, so such a client sees its connect
 * acknowledged and then a server disconnect.
 *
 * <p>Extension: a client that emits {@value #FOLLOW} with a session id receives only that session's events from
 * then on; {@value #UNFOLLOW} goes back to all.
 */
@ApplicationScoped
public class SocketIoEvents {
    private static final Logger LOG = Logger.getLogger(SocketIoEvents.class.getName());
    public static final String FOLLOW = "subscribe";
    public static final String UNFOLLOW = "unsubscribe";

    @Inject
    Settings settings;
    @Inject
    EventBroadcaster broadcaster;

    private final String marker = HexFormat.of().formatHex(random32());
    private EngineIoServer engine;

    @PostConstruct
    void start() {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        options.setAllowedCorsOrigins(corsOrigins(settings.corsOrigins()));
        options.setPingInterval(25_000);
        options.setPingTimeout(20_000);
        engine = new EngineIoServer(options);
        SocketIoServer socketIo = new SocketIoServer(engine);
        SocketIoNamespace root = socketIo.namespace("/");
        root.on("connection", args -> connected((SocketIoSocket) args[0]));
    }

    @PreDestroy
    void stop() {
        engine.shutdown();
    }

    EngineIoServer engine() {
        return engine;
    }

    /** The mark {@link SocketIoAuthFilter} puts on a request whose key was right; random per process. */
    String verifiedMarker() {
        return marker;
    }

    private void connected(SocketIoSocket socket) {
        String mark = socket.getInitialQuery().get(VerifiedRequest.PARAMETER);
        boolean verified = mark != null && ApiKeys.matches(marker, mark)
                || ApiKeys.matches(settings.apiKey(), PresentedKey.fromAuth(socket.getConnectData()));
        if (!verified) {
            // a DISCONNECT packet, so the client learns it was the server ("io server disconnect") and does not retry
            socket.disconnect(false);
            return;
        }
        SocketIoSink sink = new SocketIoSink(socket, broadcaster.queueCapacity(), broadcaster.deliveryExecutor());
        socket.on(FOLLOW, args -> sink.follow(args.length > 0 ? sessionIdOf(args[0]) : null));
        socket.on(UNFOLLOW, args -> sink.follow(null));
        socket.on("disconnect", args -> broadcaster.unregister(sink));
        broadcaster.register(sink);
    }

    /** {@code socket.emit('subscribe', 'acc1')} or {@code socket.emit('subscribe', {sessionId: 'acc1'})}. */
    private static String sessionIdOf(Object arg) {
        if (arg instanceof String id) {
            return id;
        }
        if (arg instanceof org.json.JSONObject object && object.opt("sessionId") instanceof String id) {
            return id;
        }
        return null;
    }

    private static String[] corsOrigins(List<String> configured) {
        if (configured == null || configured.isEmpty()) {
            return EngineIoServerOptions.ALLOWED_CORS_ORIGIN_NONE;
        }
        if (configured.contains("*")) {
            return EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL;
        }
        return configured.toArray(String[]::new);
    }

    private static byte[] random32() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
