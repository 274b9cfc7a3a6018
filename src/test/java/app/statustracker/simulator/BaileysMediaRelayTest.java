package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.BaileysContacts.Contact;
import app.statustracker.simulator.media.StoredUpload;
import app.statustracker.testing.BaileysDriver;
import app.statustracker.wa.media.MediaCipher;
import app.statustracker.wa.media.MediaType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Image and video statuses between real Baileys devices through the simulator's media_conn and HTTPS media host:
 * the poster's Baileys asks media_conn, encrypts and uploads; the viewer's Baileys downloads the direct path and
 * decrypts it. The simulator's host is trusted only as far as this unmodified, independent client gets through
 * it. The Node process trusts the host's throw-away CA through NODE_EXTRA_CA_CERTS, given at its start.
 */
class BaileysMediaRelayTest {
    private static final Duration POST_WAIT = Duration.ofSeconds(60);

    private static WaSimulator simulator;
    private static BaileysDriver baileys;
    private static BaileysContacts contacts;
    private static Contact alice;
    private static Contact bob;

    @BeforeAll
    static void start() throws Exception {
        BaileysDriver.assumeAvailable();
        simulator = WaSimulator.start();
        baileys = BaileysDriver.start(Map.of("NODE_EXTRA_CA_CERTS", simulator.mediaCaFile().toString()));
        contacts = new BaileysContacts(baileys, simulator, new BaileysLinking(baileys, simulator));
        alice = contacts.link("Alice", "15550008001");
        bob = contacts.link("Bob", "15550008002");
    }

    @AfterAll
    static void stop() {
        if (baileys != null) {
            baileys.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void anImageAndAVideoStatusAreUploadedToTheHostAndTheViewerDecryptsThemByteForByte() throws Exception {
        int queriesBefore = simulator.mediaConnQueries();
        byte[] jpeg = jpeg();
        relayAndCheck("image", jpeg, "image/jpeg", "a small picture");
        assertEquals(queriesBefore + 1, simulator.mediaConnQueries(), "Baileys asked media_conn for its upload");

        byte[] video = new byte[48_000];
        new Random(7).nextBytes(video);
        relayAndCheck("video", video, "video/mp4", "a short clip");
        assertEquals(queriesBefore + 1, simulator.mediaConnQueries(), "the second upload reused the cached answer");
    }

    @Test
    void afterTheAuthIsRotatedBaileysFailsOnceThenFetchesAFreshMediaConn() throws Exception {
        byte[] jpeg = jpeg();
        relayAndCheck("image", jpeg, "image/jpeg", "before rotation");
        int queries = simulator.mediaConnQueries();
        int uploads = simulator.mediaUploads().size();
        simulator.rotateMediaAuth();

        // the 401 answer has no url: Baileys refreshes media_conn (forced) and gives up on this send
        assertThrows(BaileysDriver.DriverException.class, () -> post("image", jpeg, "image/jpeg", "stale auth"));
        assertEquals(queries + 1, simulator.mediaConnQueries());
        assertEquals(uploads, simulator.mediaUploads().size());

        relayAndCheck("image", jpeg, "image/jpeg", "after rotation");
        assertEquals(queries + 1, simulator.mediaConnQueries(), "the refreshed answer was cached");
    }

    private void relayAndCheck(String kind, byte[] original, String mimetype, String caption) throws Exception {
        JsonObject sent = post(kind, original, mimetype, caption);
        String id = sent.getJsonObject("key").getString("id");
        JsonObject media = sent.getJsonObject("message").getJsonObject(kind + "Message");
        byte[] fileEncSha256 = Base64.getDecoder().decode(media.getString("fileEncSha256"));
        String directPath = media.getString("directPath");

        StoredUpload upload = simulator.mediaHost().upload(directPath).orElseThrow(() ->
                new AssertionError("no upload under " + directPath + " among " + simulator.mediaUploads()));
        assertEquals(kind, upload.type());
        assertEquals(HexFormat.of().formatHex(fileEncSha256), upload.sha256Hex(), "hash of the encrypted body");
        assertEquals("https://web.whatsapp.com", upload.origin());
        assertTrue(media.getString("url").startsWith("https://" + simulator.mediaHostname() + "/"),
                media.getString("url"));
        // Baileys' download does not check the MAC, so our cipher checks what Baileys uploaded
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        try (InputStream stored = Files.newInputStream(upload.file())) {
            MediaCipher.decrypt(stored, opened, Base64.getDecoder().decode(media.getString("mediaKey")),
                    MediaType.valueOf(kind.toUpperCase(Locale.ROOT)));
        }
        assertArrayEquals(original, opened.toByteArray());

        JsonObject received = contacts.awaitOne(bob, "received", Map.of("key.id", id));
        JsonObject got = received.getJsonObject("message").getJsonObject(kind + "Message");
        assertEquals(caption, got.getString("caption"));
        assertEquals(mimetype, got.getString("mimetype"));
        assertEquals(directPath, got.getString("directPath"));

        int downloadsBefore = simulator.mediaHost().downloads(directPath);
        JsonObject downloaded = baileys.call("downloadStatusMedia", Json.createObjectBuilder()
                .add("name", bob.name).add("messageId", id).build(), POST_WAIT);
        assertArrayEquals(original, Base64.getDecoder().decode(downloaded.getString("media")));
        assertEquals(caption, downloaded.getString("caption"));
        assertEquals(mimetype, downloaded.getString("mimetype"));
        assertEquals(downloadsBefore + 1, simulator.mediaHost().downloads(directPath));
    }

    /** Posts through Baileys; returns the sent key and message once the poster's own 'append' upsert came out. */
    private JsonObject post(String kind, byte[] media, String mimetype, String caption) {
        JsonObject sent = baileys.call("postMediaStatus", Json.createObjectBuilder().add("name", alice.name)
                .add("kind", kind).add("media", Base64.getEncoder().encodeToString(media))
                .add("mimetype", mimetype).add("caption", caption)
                .add("statusJidList", Json.createArrayBuilder(List.of(bob.lidUser()))).build(), POST_WAIT);
        // see BaileysContacts.postStatus: receipts are only reported after Baileys' buffered append upsert
        contacts.awaitOne(alice, "received", Map.of("key.id", sent.getJsonObject("key").getString("id"),
                "type", "append"));
        return sent;
    }

    /** A 64×48 JPEG drawn here, so no fixture file is needed. */
    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(0x1E6E4F), 64, 48, Color.ORANGE));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpg", out));
        return out.toByteArray();
    }
}
