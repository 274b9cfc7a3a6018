package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.media.MediaHostSettings;
import app.statustracker.simulator.media.StoredUpload;
import app.statustracker.wa.media.ExtraTrust;
import app.statustracker.wa.media.MediaCipher;
import app.statustracker.wa.media.MediaConn;
import app.statustracker.wa.media.MediaConnCache;
import app.statustracker.wa.media.MediaType;
import app.statustracker.wa.media.MediaUploadException;
import app.statustracker.wa.media.MediaUploader;
import app.statustracker.wa.media.UploadedMedia;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own media client ({@code wa.media}) against the simulator's media_conn and media host: a raw device asks
 * media_conn over the real connection, the uploader posts to the HTTPS host trusted through the throw-away CA
 * alone, and what the host serves back under the direct path decrypts to the original. The host's refusals
 * (auth, token, size) are checked with plain HTTP requests. Proves consistency with our client only; the
 * Baileys test is the independent check.
 */
class SimulatorMediaHostTest {
    @TempDir
    Path dir;
    private WaSimulator simulator;
    private RawDevice device;
    private HttpClient trusting;
    private final java.util.concurrent.ScheduledExecutorService scheduler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws Exception {
        start(MediaHostSettings.defaults().withMaxUploadBytes(1 << 20));
    }

    private void start(MediaHostSettings settings) throws Exception {
        simulator = WaSimulator.start(SimulatorConfig.defaults().withMedia(settings));
        device = new RawDevice(simulator, HttpClient.newHttpClient(), scheduler, "15550009001", 1, 0);
        device.login();
        trusting = HttpClient.newBuilder().sslContext(ExtraTrust.sslContext(simulator.mediaCaFile()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        device.close();
        simulator.close();
        scheduler.shutdownNow();
    }

    private MediaConnCache cache() {
        return new MediaConnCache(iq -> {
            try {
                return CompletableFuture.completedFuture(device.query(iq));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }, Clock.systemUTC());
    }

    private MediaUploader uploader(MediaConnCache conns) {
        return new MediaUploader(trusting, conns, dir, ForkJoinPool.commonPool(), new SecureRandom(),
                Clock.systemUTC(), Duration.ofSeconds(10));
    }

    private Path plainFile(int size) throws Exception {
        byte[] plain = new byte[size];
        new SecureRandom().nextBytes(plain);
        return Files.write(dir.resolve("plain-" + size + ".bin"), plain);
    }

    @Test
    void mediaConnNamesTheHostWithAllFourAttributesAndIsCounted() throws Exception {
        MediaConn conn = cache().get().get(5, TimeUnit.SECONDS);
        assertEquals(List.of(simulator.mediaHostname()), conn.hosts());
        assertEquals(simulator.mediaHost().auth(), conn.auth());
        assertEquals(Duration.ofSeconds(300), conn.ttl());
        assertEquals(Duration.ofSeconds(21600), conn.authTtl());
        assertEquals(12, conn.maxBuckets());
        assertEquals(1, simulator.mediaConnQueries());
    }

    @Test
    void ourUploaderPostsTheFileAndTheDirectPathServesItBackDecryptable() throws Exception {
        Path plain = plainFile(200_000);
        MediaConnCache conns = cache();
        UploadedMedia media = uploader(conns).upload(plain, MediaType.IMAGE).get(20, TimeUnit.SECONDS);

        StoredUpload stored = simulator.mediaHost().upload(media.directPath()).orElseThrow();
        assertEquals("image", stored.type());
        assertArrayEquals(media.encrypted().fileEncSha256(), stored.sha256());
        assertEquals(media.encrypted().encryptedLength(), stored.size());
        assertEquals("https://web.whatsapp.com", stored.origin());
        assertTrue(media.url().startsWith("https://" + simulator.mediaHostname() + media.directPath()), media.url());

        HttpResponse<byte[]> download = get(media.directPath(), null);
        assertEquals(200, download.statusCode());
        assertEquals(stored.size(), download.body().length);
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        MediaCipher.decrypt(new ByteArrayInputStream(download.body()), opened, media.mediaKey(), MediaType.IMAGE);
        assertArrayEquals(Files.readAllBytes(plain), opened.toByteArray());
        assertEquals(1, simulator.mediaHost().downloads(media.directPath()));

        // a second upload within the ttl reuses the cached media_conn
        uploader(conns).upload(plainFile(1000), MediaType.VIDEO).get(20, TimeUnit.SECONDS);
        assertEquals(1, simulator.mediaConnQueries());
        assertEquals(List.of("image", "video"), simulator.mediaUploads().stream().map(StoredUpload::type).toList());
    }

    @Test
    void anExpiredTtlMakesOurCacheAskAgain() throws Exception {
        device.close();
        simulator.close();
        start(MediaHostSettings.defaults().withTtl(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        MediaConnCache conns = cache();
        assertEquals(Duration.ofSeconds(1), conns.get().get(5, TimeUnit.SECONDS).ttl());
        conns.get().get(5, TimeUnit.SECONDS);
        assertEquals(1, simulator.mediaConnQueries(), "still fresh");
        Thread.sleep(1100);
        uploader(conns).upload(plainFile(100), MediaType.IMAGE).get(20, TimeUnit.SECONDS);
        assertEquals(2, simulator.mediaConnQueries());
    }

    @Test
    void aRotatedAuthRefusesTheCachedOneUntilTheClientAsksAgain() throws Exception {
        MediaConnCache conns = cache();
        uploader(conns).upload(plainFile(100), MediaType.IMAGE).get(20, TimeUnit.SECONDS);
        String old = simulator.mediaHost().auth();
        assertNotEquals(old, simulator.rotateMediaAuth());

        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> uploader(conns).upload(plainFile(101), MediaType.IMAGE).get(20, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof MediaUploadException
                && refused.getCause().getMessage().contains("HTTP 401"), String.valueOf(refused.getCause()));
        // the uploader dropped the cached answer after every host refused; the retry fetches the new auth
        uploader(conns).upload(plainFile(102), MediaType.IMAGE).get(20, TimeUnit.SECONDS);
        assertEquals(2, simulator.mediaConnQueries());
        assertEquals(2, simulator.mediaUploads().size());
    }

    @Test
    void theHostChecksTokenAuthAndSizeAndAcceptsAPaddedToken() throws Exception {
        byte[] body = new byte[4096 + 10];
        new SecureRandom().nextBytes(body);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
        String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        String padded = Base64.getUrlEncoder().encodeToString(hash);
        String auth = simulator.mediaHost().auth();

        assertEquals(401, post("image", unpadded, unpadded, "wrong", body).statusCode());
        assertEquals(400, post("image", unpadded, unpadded.substring(1) + "A", auth, body).statusCode());
        byte[] other = body.clone();
        other[0] ^= 1;
        assertEquals(400, post("image", unpadded, unpadded, auth, other).statusCode(), "token is not the body's hash");
        assertEquals(413, post("video", unpadded, unpadded, auth, new byte[(1 << 20) + 1]).statusCode());
        assertTrue(simulator.mediaUploads().isEmpty());

        // whatsmeow keeps the '=' padding in path and query
        HttpResponse<String> accepted = post("video", padded, padded, auth, body);
        assertEquals(200, accepted.statusCode(), accepted.body());
        StoredUpload stored = simulator.mediaUploads().get(0);
        assertEquals(HexFormat.of().formatHex(hash), stored.sha256Hex());
        assertTrue(accepted.body().contains("\"direct_path\":\"" + stored.directPath() + "\""), accepted.body());
        assertFalse(Arrays.equals(new byte[32], stored.sha256()));

        HttpResponse<byte[]> slice = get(stored.directPath(), "bytes=16-47");
        assertEquals(206, slice.statusCode());
        assertArrayEquals(Arrays.copyOfRange(body, 16, 48), slice.body());
        assertEquals("bytes 16-47/" + body.length, slice.headers().firstValue("Content-Range").orElse(""));
        assertEquals(404, get("/v/t62.7118-24/unknown.enc?ccb=11-4", null).statusCode());
        // matched on the path, whatever query string the client rebuilt
        assertEquals(200, get(stored.pathOnly() + "?mms3=true", null).statusCode());
        assertEquals(2, simulator.mediaHost().downloads(stored.directPath()));
    }

    @Test
    void closingTheSimulatorRemovesTheStoredFilesAndTheCaFile() throws Exception {
        uploader(cache()).upload(plainFile(100), MediaType.IMAGE).get(20, TimeUnit.SECONDS);
        Path stored = simulator.mediaUploads().get(0).file();
        Path ca = simulator.mediaCaFile();
        assertTrue(Files.exists(stored) && Files.exists(ca));
        simulator.close();
        assertFalse(Files.exists(stored));
        assertFalse(Files.exists(ca.getParent()));
    }

    private HttpResponse<String> post(String type, String pathToken, String queryToken, String auth, byte[] body)
            throws Exception {
        URI uri = URI.create("https://" + simulator.mediaHostname() + "/mms/" + type + "/" + pathToken + "?auth="
                + URLEncoder.encode(auth, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(queryToken, StandardCharsets.UTF_8));
        return trusting.send(HttpRequest.newBuilder(uri).header("Origin", "https://web.whatsapp.com")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String directPath, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + simulator.mediaHostname()
                + directPath)).header("Origin", "https://web.whatsapp.com");
        if (range != null) {
            request.header("Range", range);
        }
        return trusting.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
