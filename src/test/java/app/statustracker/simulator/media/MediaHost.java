package app.statustracker.simulator.media;

import app.statustracker.testing.ThrowawayCa;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The simulator's media host: real HTTPS on 127.0.0.1 with a certificate from a {@link ThrowawayCa} made for this
 * host alone, so a client reaches it only when it is handed {@link #caFile()} (Node: NODE_EXTRA_CA_CERTS; our
 * client: WA_EXTRA_CA_FILE), never through a trust-all switch. Uploads ({@link UploadHandler}) are checked as the
 * real hosts are understood to check them and kept as files in a temporary folder; downloads
 * ({@link DownloadHandler}) serve them back under their direct path. Everything is removed on {@link #close()}.
 */
public final class MediaHost implements AutoCloseable {
    private static final int AUTH_BYTES = 25;

    private final SecureRandom random = new SecureRandom();
    private final Path folder;
    private final Path caFile;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final List<StoredUpload> uploads = new CopyOnWriteArrayList<>();
    private final Map<String, StoredUpload> byPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private volatile String auth = newAuth();

    private MediaHost(MediaHostSettings settings) throws IOException {
        this.folder = Files.createTempDirectory("sim-media-");
        ThrowawayCa ca = settings.ca() != null ? settings.ca() : ThrowawayCa.create();
        this.caFile = ca.writeCaPem(folder.resolve("media-ca.pem"));
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", settings.port()), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
        // uploads block on the client's body; a few threads keep one slow upload from stalling downloads
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "simulator-media");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        UploadHandler upload = new UploadHandler(this, settings.maxUploadBytes(), random);
        DownloadHandler download = new DownloadHandler(this);
        server.createContext("/", exchange -> route(exchange, upload, download));
    }

    public static MediaHost start(MediaHostSettings settings) {
        try {
            MediaHost host = new MediaHost(settings);
            host.server.start();
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator's media host", e);
        }
    }

    private static void route(HttpExchange exchange, UploadHandler upload, DownloadHandler download)
            throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> upload.handle(exchange);
                case "GET", "HEAD" -> download.handle(exchange);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    /** What media_conn names as the host: {@code 127.0.0.1:<port>} (clients put it straight into the URL). */
    public String hostname() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** PEM of the CA that signed this host's certificate; clients must trust it to reach the host. */
    public Path caFile() {
        return caFile;
    }

    /** The only auth token uploads are accepted with; media_conn hands it out. */
    public String auth() {
        return auth;
    }

    /**
     * Replaces the auth token: uploads with the old one get 401 from now on, as a client's cached media_conn
     * would after the server expired it. Returns the new token.
     */
    public String rotateAuth() {
        auth = newAuth();
        return auth;
    }

    /** Every accepted upload, oldest first. */
    public List<StoredUpload> uploads() {
        return List.copyOf(uploads);
    }

    /** The upload a direct path (with or without its query string) was given, if any. */
    public Optional<StoredUpload> upload(String directPath) {
        return Optional.ofNullable(byPath.get(StoredUpload.stripQuery(directPath)));
    }

    /** How often the file under this direct path was served (200 or 206). */
    public int downloads(String directPath) {
        AtomicInteger count = downloads.get(StoredUpload.stripQuery(directPath));
        return count == null ? 0 : count.get();
    }

    Path folder() {
        return folder;
    }

    void stored(StoredUpload upload) {
        byPath.put(upload.pathOnly(), upload);
        downloads.putIfAbsent(upload.pathOnly(), new AtomicInteger());
        uploads.add(upload);
    }

    void served(StoredUpload upload) {
        downloads.get(upload.pathOnly()).incrementAndGet();
    }

    private String newAuth() {
        byte[] bytes = new byte[AUTH_BYTES];
        random.nextBytes(bytes);
        // standard Base64 (25 bytes end in "==") on purpose: a client that does not URL-encode the auth meets
        // '+', '/' and '=' and fails here, as it would on real tokens, which look alike
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless; the test outcome does not depend on it
        }
    }
}
