package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.BaileysContacts;
import app.statustracker.simulator.BaileysContacts.Contact;
import app.statustracker.simulator.BaileysLinking;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.testing.BaileysDriver;
import app.statustracker.testing.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image and video statuses end to end through the deployed WAR: files uploaded through the REST API (and one media
 * link served over HTTPS here) are posted to two Baileys contacts, which download them from the simulator's media
 * host and decrypt them byte for byte; caption, mimetype, size, duration and thumbnail arrive as sent; a read and
 * a play come back as viewer times. Bad uploads and names are refused and leave nothing behind.
 */
@EnabledIfSystemProperty(named = "st.pg.schema", matches = "st_it_\\d+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaStatusIT extends DeployedWar {
    private static final String SESSION = "media1";
    private static final String POSTER = "15554700001";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WaSimulator sim;
    private static BaileysDriver baileys;
    private static BaileysContacts contacts;
    private static Contact bob;
    private static Contact carol;
    private static ApiClient api;
    private static String videoId;

    @TempDir
    static Path dir;

    @BeforeAll
    static void linkContacts() throws Exception {
        BaileysDriver.assumeAvailable();
        TestMedia.requireFfmpeg();
        sim = ItSimulator.get();
        baileys = BaileysDriver.start(Map.of("NODE_EXTRA_CA_CERTS", System.getProperty("st.it.mediaCaFile")));
        contacts = new BaileysContacts(baileys, sim, new BaileysLinking(baileys, sim));
        bob = contacts.link("Bob", "15554700002");
        carol = contacts.link("Carol", "15554700003");
    }

    @BeforeEach
    void linkSessionOnce() throws Exception {
        if (api != null) {
            return;
        }
        api = newClient();
        QrLinking.link(api, sim, SESSION, POSTER);
    }

    @AfterAll
    static void stop() {
        try {
            if (api != null) {
                api.delete("/api/sessions/" + SESSION);
            }
        } finally {
            if (baileys != null) {
                baileys.close();
            }
        }
    }

    private static Reply upload(String route, String field, String filename, String type, byte[] content) {
        return api.send(new Multipart().file(field, filename, type, content).request(api, "/api/" + route));
    }

    private static Reply post(JsonObject body) {
        return api.post("/api/sessions/" + SESSION + "/send-status", body.toString());
    }

    private static String audience() {
        return bob.phone() + "," + carol.phone();
    }

    private static JsonObject received(Contact viewer, String id) {
        return contacts.awaitOne(viewer, "received", Map.of("key.id", id));
    }

    private static byte[] downloaded(Contact viewer, String id) {
        JsonObject answer = baileys.call("downloadStatusMedia", Json.createObjectBuilder().add("name", viewer.name)
                .add("messageId", id).build());
        return Base64.getDecoder().decode(answer.getString("media"));
    }

    private static Set<String> uploadsOnDisk() throws IOException {
        Path folder = Path.of(System.getenv("DATA_DIR"), "uploads");
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    @Order(1)
    void aJpegUploadIsPostedAsUploadedAndEveryContactOpensItByteForByte() throws Exception {
        byte[] jpeg = Files.readAllBytes(TestMedia.jpeg(dir, "a.jpg", 800, 600));
        Reply uploaded = upload("upload-image", "image", "holiday.png", "image/png", jpeg); // the name lies
        assertEquals(200, uploaded.status(), uploaded.raw());
        JsonObject data = uploaded.json().getJsonObject("data");
        String filename = data.getString("filename");
        assertTrue(filename.matches("\\d{10}-[0-9a-f]{4,32}\\.jpg"), filename);
        assertEquals("image/jpeg", data.getString("mimeType"), "the bytes decide, not the name");
        assertEquals(jpeg.length, data.getJsonNumber("size").longValue());
        assertEquals(800, data.getInt("width"));
        assertEquals(600, data.getInt("height"));
        assertFalse(data.containsKey("durationSeconds"));
        assertTrue(uploadsOnDisk().contains(filename));

        String caption = "Harbour at dawn 🌅 — first light";
        Reply sent = post(Json.createObjectBuilder().add("type", "image").add("content", filename)
                .add("caption", caption).add("targetNumbers", audience()).build());
        assertEquals(200, sent.status(), sent.raw());
        String id = sent.json().getJsonObject("data").getString("id");
        assertEquals("image", sent.json().getJsonObject("data").getString("type"));
        for (Contact viewer : List.of(bob, carol)) {
            JsonObject image = received(viewer, id).getJsonObject("message").getJsonObject("imageMessage");
            assertNotNull(image, "an imageMessage arrived at " + viewer.name);
            assertEquals(caption, image.getString("caption"));
            assertEquals("image/jpeg", image.getString("mimetype"));
            assertEquals(800, image.getInt("width"));
            assertEquals(600, image.getInt("height"));
            assertThumbnail(image);
            assertArrayEquals(jpeg, downloaded(viewer, id), viewer.name + " opened exactly the uploaded JPEG");
        }
        JsonObject summary = StatusViews.summary(api, SESSION, id).orElseThrow();
        assertEquals(filename, summary.getString("content"));
        assertEquals(caption, summary.getString("caption"));
    }

    @Test
    @Order(2)
    void aPngWithTransparencyGoesOutAsAJpegOfTheSameSize() throws Exception {
        byte[] png = Files.readAllBytes(TestMedia.transparentPng(dir, "logo.png", 320, 200));
        Reply uploaded = upload("upload-image", "image", "logo.png", "image/png", png);
        assertEquals(200, uploaded.status(), uploaded.raw());
        assertEquals("image/png", uploaded.json().getJsonObject("data").getString("mimeType"));
        String filename = uploaded.json().getJsonObject("data").getString("filename");
        Reply sent = post(Json.createObjectBuilder().add("type", "image").add("content", filename)
                .add("targetNumbers", bob.phone()).build());
        assertEquals(200, sent.status(), sent.raw());
        String id = sent.json().getJsonObject("data").getString("id");
        JsonObject image = received(bob, id).getJsonObject("message").getJsonObject("imageMessage");
        assertEquals("image/jpeg", image.getString("mimetype"));
        byte[] got = downloaded(bob, id);
        assertEquals(sha256Hex(got), hex(Base64.getDecoder().decode(image.getString("fileSha256"))));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(got));
        assertNotNull(decoded, "a JPEG that decodes");
        assertEquals(320, decoded.getWidth());
        assertEquals(200, decoded.getHeight());
        assertEquals(0xFF, got[0] & 0xFF);
        assertEquals(0xD8, got[1] & 0xFF);
    }

    @Test
    @Order(3)
    void aVideoArrivesWithItsLengthSizeAndAThumbnailAndAPlayCountsAsViewAndPlay() throws Exception {
        byte[] mp4 = Files.readAllBytes(TestMedia.h264Mp4(dir, "clip.mp4", 320, 240, 3));
        Reply uploaded = upload("upload-video", "video", "clip.mov", "application/octet-stream", mp4);
        assertEquals(200, uploaded.status(), uploaded.raw());
        JsonObject data = uploaded.json().getJsonObject("data");
        assertEquals("video/mp4", data.getString("mimeType"));
        assertEquals(320, data.getInt("width"));
        assertEquals(240, data.getInt("height"));
        assertEquals(3.0, data.getJsonNumber("durationSeconds").doubleValue(), 0.2);
        String filename = data.getString("filename");
        assertTrue(filename.endsWith(".mp4"), filename);

        Reply sent = post(Json.createObjectBuilder().add("type", "video").add("content", filename)
                .add("caption", "Waves 🌊").add("targetNumbers", audience()).build());
        assertEquals(200, sent.status(), sent.raw());
        videoId = sent.json().getJsonObject("data").getString("id");
        for (Contact viewer : List.of(bob, carol)) {
            JsonObject received = received(viewer, videoId);
            JsonObject video = received.getJsonObject("message").getJsonObject("videoMessage");
            assertNotNull(video, "a videoMessage arrived at " + viewer.name);
            assertEquals("video/mp4", video.getString("mimetype"));
            assertEquals("Waves 🌊", video.getString("caption"));
            assertEquals(3, video.getInt("seconds"));
            assertEquals(320, video.getInt("width"));
            assertEquals(240, video.getInt("height"));
            assertThumbnail(video);
            assertArrayEquals(mp4, downloaded(viewer, videoId), viewer.name + " opened exactly the uploaded video");
        }
        contacts.readStatuses(bob, received(bob, videoId).getJsonObject("key"));
        baileys.call("playStatuses", Json.createObjectBuilder().add("name", carol.name)
                .add("keys", Json.createArrayBuilder().add(received(carol, videoId).getJsonObject("key"))).build());
        Map<String, JsonObject> viewers = StatusViews.await(api, SESSION, videoId,
                v -> v.containsKey(bob.phone()) && v.containsKey(carol.phone())
                        && StatusViews.time(v.get(bob.phone()), "viewedAt") != null
                        && StatusViews.time(v.get(carol.phone()), "playedAt") != null, WAIT);
        assertEquals(null, StatusViews.time(viewers.get(bob.phone()), "playedAt"), "a read is no play");
        assertNotNull(StatusViews.time(viewers.get(carol.phone()), "viewedAt"), "a play is a view too");
        JsonObject summary = StatusViews.summary(api, SESSION, videoId).orElseThrow();
        assertEquals(2, summary.getInt("viewedCount"), summary.toString());
        assertEquals(1, summary.getInt("playedCount"), summary.toString());
    }

    @Test
    @Order(4)
    void aMediaLinkServedOverHttpsIsFetchedAndPosted() throws Exception {
        byte[] jpeg = Files.readAllBytes(TestMedia.jpeg(dir, "sunset.jpg", 400, 300));
        try (MediaLinkServer server = new MediaLinkServer(ItMediaCa.get(), Map.of("/pics/sunset.jpg", jpeg))) {
            Set<String> before = uploadsOnDisk();
            Reply sent = post(Json.createObjectBuilder().add("type", "image")
                    .add("content", server.url("/pics/sunset.jpg?sig=abc")).add("targetNumbers", bob.phone()).build());
            assertEquals(200, sent.status(), sent.raw());
            String id = sent.json().getJsonObject("data").getString("id");
            assertArrayEquals(jpeg, downloaded(bob, id));
            assertEquals(List.of("/pics/sunset.jpg"), server.fetchedPaths());
            assertEquals(before, uploadsOnDisk(), "the fetched copy is removed after the post");

            Reply missing = post(Json.createObjectBuilder().add("type", "image")
                    .add("content", server.url("/pics/none.jpg?token=secret")).add("targetNumbers", bob.phone())
                    .build());
            assertTrue(missing.status() >= 400 && missing.status() < 500, missing.raw());
            assertFalse(missing.json().getBoolean("success"));
            assertFalse(missing.raw().contains("secret"), "no query string in the answer: " + missing.raw());
        }
    }

    @Test
    @Order(5)
    void badUploadsAreRefusedInTheEnvelopeAndLeaveNothingBehind() throws Exception {
        Set<String> before = uploadsOnDisk();
        long statusesBefore = statusCount();
        byte[] jpeg = Files.readAllBytes(TestMedia.jpeg(dir, "small.jpg", 64, 64));
        Object[][] refusals = {
            {"upload-image", "image", "notes.jpg", "image/jpeg", "just some text, not an image".getBytes(), 415},
            {"upload-image", "image", "empty.jpg", "image/jpeg", new byte[0], 415},
            {"upload-image", "image", "cut.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, 40), 400},
            {"upload-video", "video", "pic.mp4", "video/mp4", jpeg, 415},
            {"upload-image", "file", "pic.jpg", "image/jpeg", jpeg, 400},
            {"upload-image", "video", "pic.jpg", "image/jpeg", jpeg, 400},
        };
        for (Object[] r : refusals) {
            Reply reply = upload((String) r[0], (String) r[1], (String) r[2], (String) r[3], (byte[]) r[4]);
            assertEquals(r[5], reply.status(), r[2] + ": " + reply.raw());
            assertFalse(reply.json().getBoolean("success"), reply.raw());
            assertFalse(reply.json().getString("error").isBlank());
        }
        Reply notMultipart = api.send("POST", "/api/upload-image", "{\"image\":\"x\"}", "Content-Type",
                "application/json", "x-api-key", ApiClient.TEST_API_KEY);
        assertEquals(415, notMultipart.status(), notMultipart.raw());
        Reply twoFiles = api.send(new Multipart().file("image", "a.jpg", "image/jpeg", jpeg)
                .file("image", "b.jpg", "image/jpeg", jpeg).request(api, "/api/upload-image"));
        assertEquals(400, twoFiles.status(), twoFiles.raw());

        // MAX_UPLOAD_MB is 2 for this run: one byte too many is a 413 and no partial file stays
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        Reply tooBig = upload("upload-image", "image", "big.jpg", "image/jpeg", big);
        assertEquals(413, tooBig.status(), tooBig.raw());
        assertFalse(tooBig.json().getBoolean("success"));

        assertEquals(before, uploadsOnDisk(), "nothing stored, no partial file");
        assertEquals(statusesBefore, statusCount());
    }

    @Test
    @Order(6)
    void namesWeNeverIssuedReadNothing() throws Exception {
        long statusesBefore = statusCount();
        String[] traversal = {"../x", "/etc/passwd", "..%2F..%2Fetc%2Fpasswd", "uploads/../../.env",
            "1730000000-ab12.jpg/../../master.key", "..\\\\x", "1730000000-ab12.jpg%00.png", ".env",
            "master.key"};
        for (String name : traversal) {
            Reply r = post(Json.createObjectBuilder().add("type", "image").add("content", name)
                    .add("targetNumbers", bob.phone()).build());
            assertEquals(400, r.status(), name + ": " + r.raw());
        }
        Reply never = post(Json.createObjectBuilder().add("type", "image").add("content", "1730000000-deadbeef.jpg")
                .add("targetNumbers", bob.phone()).build());
        assertEquals(404, never.status(), never.raw());
        Reply wrongKind = post(Json.createObjectBuilder().add("type", "video")
                .add("content", uploadedJpegName()).add("targetNumbers", bob.phone()).build());
        assertEquals(400, wrongKind.status(), wrongKind.raw());
        assertEquals(statusesBefore, statusCount());
    }

    @Test
    @Order(7)
    void revokeReachesTheContactsForAMediaStatusAndStorageCountsUploads() throws Exception {
        Reply revoked = api.delete("/api/sessions/" + SESSION + "/delete-status/" + videoId + "?revoke=true");
        assertEquals(200, revoked.status(), revoked.raw());
        for (Contact viewer : List.of(bob, carol)) {
            JsonObject revoke = contacts.awaitOne(viewer, "received", Map.of(
                    "message.protocolMessage.key.id", videoId));
            assertNotNull(revoke);
        }
        String openapi = api.get("/openapi").raw();
        for (String route : List.of("/api/upload-image:", "/api/upload-video:", "multipart/form-data", "format: binary")) {
            assertTrue(openapi.contains(route), "the OpenAPI document describes " + route);
        }
        assertFalse(openapi.contains("EntityPart"), "no server-internal type leaks into the document");
        JsonObject uploads = api.get("/api/storage").json().getJsonObject("data").getJsonObject("uploads");
        assertEquals(uploadsOnDisk().size(), uploads.getInt("files"));
        assertTrue(uploads.getJsonNumber("totalBytes").longValue() > 0);
    }

    private static String uploadedJpegName() throws IOException {
        return uploadsOnDisk().stream().filter(n -> n.endsWith(".jpg")).findFirst().orElseThrow();
    }

    private static void assertThumbnail(JsonObject media) throws IOException {
        byte[] thumbnail = Base64.getDecoder().decode(media.getString("jpegThumbnail"));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertNotNull(decoded, "the thumbnail decodes as an image");
        assertEquals(0xD8, thumbnail[1] & 0xFF, "a JPEG thumbnail");
        assertTrue(Math.max(decoded.getWidth(), decoded.getHeight()) <= 96, decoded.getWidth() + "x"
                + decoded.getHeight());
    }

    private static long statusCount() throws Exception {
        try (Connection c = PostgresSchema.connect()) {
            return new SeededRows(c).count("SELECT COUNT(*) FROM statuses WHERE session_pk = ?",
                    new SeededRows(c).sessionPk(SESSION));
        }
    }

    private static String sha256Hex(byte[] data) throws Exception {
        return hex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static String hex(byte[] data) {
        return java.util.HexFormat.of().formatHex(data);
    }
}
