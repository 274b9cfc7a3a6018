package app.statustracker.service.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.status.LinkPreview;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Link previews against a local HTTP server, with FETCH_ALLOW_PRIVATE_ADDRESSES on or off. */
class LinkPreviewFetcherTest {
    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private LinkPreviewFetcher fetcher(boolean allowPrivate, Duration cap, int maxBytes) {
        return new LinkPreviewFetcher(client, new AddressGuard(allowPrivate), cap, maxBytes, maxBytes);
    }

    private LinkPreviewFetcher fetcher() {
        return fetcher(true, Duration.ofSeconds(5), 1024 * 1024);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        requested.add(path);
        switch (path) {
            case "/article" -> send(x, 200, "text/html; charset=utf-8", ("<html><head><title>Fallback</title>"
                    + "<meta property=\"og:title\" content=\"Status Tracker ✓\">"
                    + "<meta property=\"og:description\" content=\"Who viewed your status\">"
                    + "<meta property=\"og:image\" content=\"/cover.png\"></head><body>hi</body></html>")
                    .getBytes(StandardCharsets.UTF_8));
            case "/plain" -> send(x, 200, "text/html", "<title>Just a title</title><img src=\"wide.png\">"
                    .getBytes(StandardCharsets.UTF_8));
            case "/cover.png" -> send(x, 200, "image/png", png(800, 400, Color.RED));
            case "/wide.png" -> send(x, 200, "image/png", png(1000, 100, Color.BLUE));
            case "/photo.png" -> send(x, 200, "image/png", png(300, 600, Color.GREEN));
            case "/broken-image" -> send(x, 200, "text/html", "<meta property=\"og:title\" content=\"T\">"
                    + "<meta property=\"og:image\" content=\"/missing.png\">");
            case "/big-image" -> send(x, 200, "text/html", "<meta property=\"og:title\" content=\"Big\">"
                    + "<meta property=\"og:image\" content=\"/huge.bin\">");
            case "/huge.bin" -> send(x, 200, "image/png", new byte[3 * 1024 * 1024]);
            case "/to-article" -> redirect(x, "/article");
            case "/to-private" -> redirect(x, "http://127.0.0.1:" + server.getAddress().getPort() + "/secret");
            case "/loop" -> redirect(x, "/loop");
            case "/slow" -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, "text/html", "<title>late</title>");
            }
            case "/long-page" -> {
                byte[] head = "<html><head><meta property=\"og:title\" content=\"Head first\"></head><body>"
                        .getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "text/html");
                x.sendResponseHeaders(200, 0); // chunked, endless for our purposes
                try (OutputStream out = x.getResponseBody()) {
                    out.write(head);
                    byte[] filler = "<p>filler filler filler filler</p>".repeat(300).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 2_000; i++) {
                        out.write(filler);
                    }
                } catch (IOException e) {
                    // the fetcher hung up after its cap: expected
                }
            }
            case "/pdf" -> send(x, 200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
            case "/empty" -> send(x, 200, "text/html", "<html><body>nothing</body></html>");
            default -> send(x, 404, "text/plain", "no");
        }
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        send(x, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client stopped reading at its cap
        }
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().set("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static byte[] png(int w, int h, Color color) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static BufferedImage jpeg(byte[] bytes) throws IOException {
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xD8, bytes[1], "a JPEG");
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void openGraphPageGivesTitleDescriptionAndASmallJpegOfItsImage() throws Exception {
        LinkPreview p = fetcher().preview(URI.create(base() + "/article"));
        assertNotNull(p);
        assertEquals(base() + "/article", p.matchedText());
        assertEquals("Status Tracker ✓", p.title());
        assertEquals("Who viewed your status", p.description());
        BufferedImage thumb = jpeg(p.jpegThumbnail());
        assertEquals(ThumbnailMaker.MAX_SIDE, thumb.getWidth());
        assertEquals(ThumbnailMaker.MAX_SIDE / 2, thumb.getHeight(), "aspect ratio kept");
        Color c = new Color(thumb.getRGB(thumb.getWidth() / 2, thumb.getHeight() / 2));
        assertTrue(c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60, "still red: " + c);
    }

    @Test
    void plainPagesFallBackToTitleAndFirstImageAndRedirectsAreFollowed() throws Exception {
        LinkPreview p = fetcher().preview(URI.create(base() + "/plain"));
        assertEquals("Just a title", p.title());
        assertNull(p.description());
        BufferedImage thumb = jpeg(p.jpegThumbnail());
        assertEquals(192, thumb.getWidth());
        assertTrue(thumb.getHeight() >= 19 && thumb.getHeight() <= 20, "1000x100 → 192x19: " + thumb.getHeight());

        LinkPreview redirected = fetcher().preview(URI.create(base() + "/to-article"));
        assertEquals("Status Tracker ✓", redirected.title());
        assertEquals(base() + "/to-article", redirected.matchedText(), "the link as the user wrote it");
    }

    @Test
    void aLinkToAnImageGetsThatImageAsThumbnail() throws Exception {
        LinkPreview p = fetcher().preview(URI.create(base() + "/photo.png"));
        assertNull(p.title());
        BufferedImage thumb = jpeg(p.jpegThumbnail());
        assertEquals(96, thumb.getWidth());
        assertEquals(192, thumb.getHeight());
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        assertNull(fetcher(false, Duration.ofSeconds(5), 1 << 20).preview(URI.create(base() + "/article")));
        assertTrue(requested.isEmpty(), "not even one request: " + requested);
    }

    @Test
    void aPublicHostCannotRedirectTheFetchToAPrivateAddress() {
        // "localhost" passes the check as if it were public; the redirect names 127.0.0.1, which does not
        AddressGuard guard = new AddressGuard(false, host -> host.equals("localhost")
                ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
                : InetAddress.getAllByName(host));
        LinkPreviewFetcher f = new LinkPreviewFetcher(client, guard, Duration.ofSeconds(5), 1 << 20, 1 << 20);
        assertNull(f.preview(URI.create("http://localhost:" + server.getAddress().getPort() + "/to-private")));
        assertEquals(List.of("/to-private"), requested, "the private target was never requested");
    }

    @Test
    void slowPagesHitTheTimeCapAndLoopsTheRedirectCap() {
        long start = System.nanoTime();
        assertNull(fetcher(true, Duration.ofMillis(500), 1 << 20).preview(URI.create(base() + "/slow")));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2_500, "gave up after " + ms + " ms");
        assertNull(fetcher().preview(URI.create(base() + "/loop")));
        assertEquals(PageFetcher.MAX_REDIRECTS + 1, requested.stream().filter("/loop"::equals).count());
    }

    @Test
    void onlyTheCappedStartOfAHugePageIsReadAndStillGivesItsTitle() {
        long start = System.nanoTime();
        LinkPreview p = fetcher(true, Duration.ofSeconds(5), 64 * 1024).preview(URI.create(base() + "/long-page"));
        assertEquals("Head first", p.title());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 4_000);
    }

    @Test
    void missingOrOversizedImagesLeaveATextOnlyPreview() {
        LinkPreview broken = fetcher().preview(URI.create(base() + "/broken-image"));
        assertEquals("T", broken.title());
        assertNull(broken.jpegThumbnail());
        LinkPreview big = fetcher(true, Duration.ofSeconds(5), 1024 * 1024).preview(URI.create(base() + "/big-image"));
        assertEquals("Big", big.title());
        assertNull(big.jpegThumbnail());
    }

    @Test
    void pagesWithoutAnythingToShowGiveNoPreview() {
        assertNull(fetcher().preview(URI.create(base() + "/pdf")));
        assertNull(fetcher().preview(URI.create(base() + "/empty")));
        assertNull(fetcher().preview(URI.create(base() + "/nothing-here")));
        assertFalse(requested.isEmpty());
    }

    @Test
    void thumbnailsOfTransparentImagesAreWhiteNotBlack() throws Exception {
        BufferedImage clear = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(clear, "png", out);
        BufferedImage thumb = jpeg(ThumbnailMaker.jpeg(out.toByteArray()));
        assertEquals(50, thumb.getWidth(), "small images are not enlarged");
        assertTrue(new Color(thumb.getRGB(25, 25)).getRed() > 240);
    }
}
