package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A web page on loopback for link statuses: an article with Open Graph title, description and image, the image a
 * solid-colour PNG so that the thumbnail WhatsApp receives can be traced back to it. Records which paths the
 * server fetched. The server under test reaches it only with FETCH_ALLOW_PRIVATE_ADDRESSES=true.
 */
final class PreviewPage implements AutoCloseable {
    static final String TITLE = "Harbour fête tonight — 🎆 fireworks at nine";
    static final String DESCRIPTION = "Stalls from six, music on the quay, and the ferry runs late. Bring a jumper.";
    static final Color IMAGE_COLOUR = new Color(200, 30, 60);
    static final int IMAGE_WIDTH = 400;
    static final int IMAGE_HEIGHT = 300;

    private final HttpServer server;
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    PreviewPage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] html = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>fallback title</title>"
                + "<meta property=\"og:title\" content=\"" + TITLE + "\">"
                + "<meta property=\"og:description\" content=\"" + DESCRIPTION + "\">"
                + "<meta property=\"og:image\" content=\"/images/poster.png\">"
                + "</head><body><p>The article.</p></body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] png = png();
        server.createContext("/news/harbour", exchange -> answer(exchange, "text/html; charset=utf-8", html));
        server.createContext("/images/poster.png", exchange -> answer(exchange, "image/png", png));
        server.start();
    }

    /** The article's address. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/news/harbour";
    }

    List<String> fetchedPaths() {
        return List.copyOf(fetched);
    }

    /** A JPEG thumbnail made from this page's image: at most 192 px a side, its proportions, its colour. */
    static void assertThumbnailOfTheImage(byte[] jpeg) throws IOException {
        assertTrue(jpeg.length > 2 && (jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8, "a JPEG");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(thumb);
        assertTrue(thumb.getWidth() <= 192 && thumb.getHeight() <= 192, thumb.getWidth() + "x" + thumb.getHeight());
        assertEquals((double) IMAGE_WIDTH / IMAGE_HEIGHT, (double) thumb.getWidth() / thumb.getHeight(), 0.05,
                "the image's proportions");
        Color centre = new Color(thumb.getRGB(thumb.getWidth() / 2, thumb.getHeight() / 2));
        assertTrue(Math.abs(centre.getRed() - IMAGE_COLOUR.getRed()) < 16
                && Math.abs(centre.getGreen() - IMAGE_COLOUR.getGreen()) < 16
                && Math.abs(centre.getBlue() - IMAGE_COLOUR.getBlue()) < 16, "the image's colour, got " + centre);
    }

    private void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        fetched.add(exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(IMAGE_WIDTH, IMAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < IMAGE_HEIGHT; y++) {
            for (int x = 0; x < IMAGE_WIDTH; x++) {
                image.setRGB(x, y, IMAGE_COLOUR.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
