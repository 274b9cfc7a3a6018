package app.statustracker.wa.transport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every timeout and interval of one WebSocket connection to WhatsApp. The defaults follow what Baileys and
 * whatsmeow do against the real server (docs/protocol.md, Login); tests shrink them to milliseconds.
 *
 * @param connectTimeout    opening the WebSocket (TCP + HTTP upgrade)
 * @param handshakeTimeout  from the start of the connect until the Noise handshake is done
 * @param iqTimeout         default wait for the answer to {@link WaConnection#sendIq(app.statustracker.wa.binary.Node)}
 * @param keepAliveInterval how often a {@code w:p} ping is sent once the connection is open
 * @param keepAliveTimeout  after a ping: if nothing at all arrived within this time the connection is dead
 * @param closeTimeout      after we sent a WebSocket close, how long to wait for the server's before aborting
 * @param maxFrameLength    largest inbound frame accepted (the protocol allows 2^24 − 1)
 */
public record TransportOptions(Duration connectTimeout, Duration handshakeTimeout, Duration iqTimeout,
                               Duration keepAliveInterval, Duration keepAliveTimeout, Duration closeTimeout,
                               int maxFrameLength) {

    /**
     * JVM options for a process that holds many idle connections. The JDK's WebSocket gives every connection
     * three 16 KiB heap buffers at its defaults: the write buffer, the text encoder's intermediate buffer
     * (allocated even though we only send binary) and the socket read buffer it slices. With these, an idle
     * session costs about 26 KB of heap instead of 66 KB (bench/idle-sessions.sh). Larger frames still pass:
     * they are written and read in more chunks. They are system properties, read when a connection (the read
     * buffer: when the HttpClient classes) are first used, so they belong on the command line; the launcher
     * puts them before {@code JAVA_OPTS}, which can override them.
     */
    public static final List<String> JDK_WEBSOCKET_JVM_OPTIONS = List.of(
            "-Djdk.httpclient.websocket.writeBufferSize=4096",
            "-Djdk.httpclient.websocket.intermediateBufferSize=128",
            "-Djdk.httpclient.bufsize=4096");

    /** WhatsApp Web's own endpoint (docs/protocol.md, Connection). */
    public static final URI WHATSAPP_ENDPOINT = URI.create("wss://web.whatsapp.com/ws/chat");

    public TransportOptions {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(handshakeTimeout, "handshakeTimeout");
        requirePositive(iqTimeout, "iqTimeout");
        requirePositive(keepAliveInterval, "keepAliveInterval");
        requirePositive(keepAliveTimeout, "keepAliveTimeout");
        requirePositive(closeTimeout, "closeTimeout");
        if (maxFrameLength < 1 || maxFrameLength > (1 << 24) - 1) {
            throw new IllegalArgumentException("maxFrameLength must be 1..16777215, got " + maxFrameLength);
        }
    }

    /**
     * Baileys' connect (20 s) and query (60 s) timeouts; whatsmeow's keep-alive shape: a ping every 25 s
     * (it picks 20–30 s at random), dead after 10 s without an answer.
     */
    public static TransportOptions defaults() {
        return new TransportOptions(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofSeconds(5), (1 << 24) - 1);
    }

    public TransportOptions withIqTimeout(Duration timeout) {
        return new TransportOptions(connectTimeout, handshakeTimeout, timeout, keepAliveInterval, keepAliveTimeout,
                closeTimeout, maxFrameLength);
    }

    public TransportOptions withKeepAlive(Duration interval, Duration timeout) {
        return new TransportOptions(connectTimeout, handshakeTimeout, iqTimeout, interval, timeout, closeTimeout,
                maxFrameLength);
    }

    public TransportOptions withHandshakeTimeout(Duration timeout) {
        return new TransportOptions(connectTimeout, timeout, iqTimeout, keepAliveInterval, keepAliveTimeout,
                closeTimeout, maxFrameLength);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
