package app.statustracker.service.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.ThrowawayCa;
import app.statustracker.wa.media.ExtraTrust;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guarded download against a real HTTPS server on loopback, trusted only through a throw-away CA. */
class GuardedDownloaderTest {
    private static final byte[] FILE = "not really a jpeg, but bytes all the same".getBytes();
    @TempDir
    Path dir;
    private HttpsServer server;
    private SSLContext trust;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final Map<String, String> lookups = new ConcurrentHashMap<>();
    private final AtomicInteger resolutions = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        ThrowawayCa ca = ThrowawayCa.create();
        trust = ExtraTrust.sslContext(ca.writeCaPem(dir.resolve("ca.pem")));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        paths.add(path);
        switch (path) {
            case "/file.jpg" -> send(exchange, 200, FILE);
            case "/hop" -> redirect(exchange, "/file.jpg");
            case "/to-http" -> redirect(exchange, "http://localhost:" + port() + "/file.jpg");
            case "/loop" -> redirect(exchange, "/loop");
            case "/private-hop" -> redirect(exchange, "https://10.1.2.3:" + port() + "/file.jpg");
            case "/drip" -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 40; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (InterruptedException | IOException ignored) {
                    // the client hung up: what the test wants
                }
            }
            default -> send(exchange, 404, "gone".getBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private URI link(String path) {
        return URI.create("https://localhost:" + port() + path);
    }

    /** Loopback allowed (the test mode), every lookup counted. */
    private GuardedDownloader permissive() {
        return new GuardedDownloader(true, host -> {
            resolutions.incrementAndGet();
            return InetAddress.getAllByName(host);
        }, trust, Clock.systemUTC(), "test");
    }

    private byte[] download(GuardedDownloader downloader, URI uri, Duration timeout) {
        return downloader.get(uri, timeout, (body, length) -> body.readAllBytes());
    }

    @Test
    void fetchesOverHttpsTrustedThroughTheExtraCaAndFollowsARedirect() throws IOException {
        try (GuardedDownloader downloader = permissive()) {
            assertArrayEquals(FILE, download(downloader, link("/file.jpg"), Duration.ofSeconds(5)));
            assertArrayEquals(FILE, download(downloader, link("/hop"), Duration.ofSeconds(5)));
        }
        assertEquals(List.of("/file.jpg", "/hop", "/file.jpg"), paths);
        assertTrue(resolutions.get() >= 1);
    }

    @Test
    void loopbackIsRefusedInTheDefaultModeBeforeAnyRequest() throws IOException {
        try (GuardedDownloader strict = new GuardedDownloader(false, InetAddress::getAllByName, trust,
                Clock.systemUTC(), "test")) {
            LinkFetchException e = assertThrows(LinkFetchException.class,
                    () -> download(strict, link("/file.jpg"), Duration.ofSeconds(5)));
            assertTrue(e.refusedAddress(), e.getMessage());
            assertTrue(e.getMessage().contains("not on the public internet"), e.getMessage());
        }
        assertTrue(paths.isEmpty(), "no request may reach a private address: " + paths);
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedWhateverItLooksLike() throws IOException {
        try (GuardedDownloader strict = new GuardedDownloader(false,
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169,
                        (byte) 254})}, trust, Clock.systemUTC(), "test")) {
            LinkFetchException e = assertThrows(LinkFetchException.class,
                    () -> download(strict, URI.create("https://cdn.example.com/a.jpg"), Duration.ofSeconds(5)));
            assertTrue(e.refusedAddress());
            assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
        }
    }

    @Test
    void aRedirectToPlainHttpIsRefusedAndTheCheckedAnswerIsTheOneConnectedTo() throws IOException {
        try (GuardedDownloader downloader = permissive()) {
            LinkFetchException http = assertThrows(LinkFetchException.class,
                    () -> download(downloader, link("/to-http"), Duration.ofSeconds(5)));
            assertTrue(http.getMessage().contains("only https"), http.getMessage());
        }
        // the name looks public, the lookup says loopback: refused on that answer, with no second lookup to differ
        try (GuardedDownloader strict = new GuardedDownloader(false, host -> host.equals("cdn.example.com")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                : InetAddress.getAllByName(host), trust, Clock.systemUTC(), "test")) {
            LinkFetchException e = assertThrows(LinkFetchException.class,
                    () -> download(strict, URI.create("https://cdn.example.com:" + port() + "/private-hop"),
                            Duration.ofSeconds(5)));
            assertTrue(e.refusedAddress(), e.getMessage());
        }
        assertFalse(paths.contains("/private-hop"), "the refused host was never asked: " + paths);
    }

    @Test
    void redirectLoopsHttpErrorsAndDrippingBodiesEndWithAReasonWithoutTheQuery() throws IOException {
        try (GuardedDownloader downloader = permissive()) {
            LinkFetchException loop = assertThrows(LinkFetchException.class,
                    () -> download(downloader, link("/loop"), Duration.ofSeconds(5)));
            assertTrue(loop.getMessage().contains("more than 5 redirects"), loop.getMessage());

            LinkFetchException missing = assertThrows(LinkFetchException.class,
                    () -> download(downloader, link("/nothing?token=secret123"), Duration.ofSeconds(5)));
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
            assertTrue(missing.getMessage().contains("/nothing"), missing.getMessage());
            assertFalse(missing.getMessage().contains("secret123"), missing.getMessage());

            long start = System.nanoTime();
            LinkFetchException slow = assertThrows(LinkFetchException.class,
                    () -> download(downloader, link("/drip"), Duration.ofMillis(1500)));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(slow.getMessage().contains("timed out"), slow.getMessage());
            assertTrue(tookMs < 3500, "the deadline held: " + tookMs + " ms");
        }
    }

    @Test
    void describeNeverShowsQueryOrFragment() {
        assertEquals("https://cdn.example.com:8443/a/b.jpg",
                GuardedDownloader.describe(URI.create("https://cdn.example.com:8443/a/b.jpg?sig=abc#x")));
        assertEquals("https://cdn.example.com/", GuardedDownloader.describe(URI.create("https://cdn.example.com")));
    }
}
