package app.statustracker.wa.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.ThrowawayCa;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploader against a real HTTPS media host on loopback whose certificate only the extra CA vouches for. */
class MediaUploaderTest {
    private static final String AUTH = "sim-auth+/=token";
    @TempDir
    Path dir;
    private HttpsServer host;
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private Path caPem;

    @BeforeEach
    void startHost() throws IOException {
        ThrowawayCa ca = ThrowawayCa.create();
        caPem = ca.writeCaPem(dir.resolve("ca.pem"));
        host = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
        host.createContext("/mms/", this::upload);
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.stop(0);
    }

    /** Accepts a file only with the right auth and a token that is the unpadded base64url SHA-256 of the body. */
    private void upload(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        lastHeaders.put("Origin", String.valueOf(exchange.getRequestHeaders().getFirst("Origin")));
        String token = path.substring(path.lastIndexOf('/') + 1);
        String expected = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body));
        int status = AUTH.equals(query.get("auth")) && token.equals(expected) && token.equals(query.get("token"))
                ? 200 : 401;
        String answer = "{}";
        if (status == 200) {
            stored.put(token, body);
            answer = "{\"url\":\"https://" + hostName() + "/v/t62/" + token + ".enc?mms3=true\",\"direct_path\":\"/v/t62/"
                    + token + ".enc\",\"handle\":null}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String hostName() {
        return "127.0.0.1:" + host.getAddress().getPort();
    }

    private MediaUploader uploader(SSLContext tls, List<String> hosts, String auth) {
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        MediaConnCache conns = new MediaConnCache(iq -> CompletableFuture.completedFuture(
                MediaConnTest.answer(auth, "300", "3600", hosts.toArray(String[]::new))), Clock.systemUTC());
        return new MediaUploader(http, conns, dir, ForkJoinPool.commonPool(), new SecureRandom(), Clock.systemUTC(),
                Duration.ofSeconds(10));
    }

    private Path plainFile(int size) throws IOException {
        byte[] plain = new byte[size];
        new SecureRandom().nextBytes(plain);
        return Files.write(dir.resolve("plain-" + size + ".bin"), plain);
    }

    @Test
    void uploadsTheEncryptedFileUnderItsHashAndReturnsWhatTheMessageNeeds() throws Exception {
        Path plain = plainFile(300_000);
        UploadedMedia media = uploader(ExtraTrust.sslContext(caPem), List.of(hostName()), AUTH)
                .upload(plain, MediaType.IMAGE).get();

        String token = MediaUploader.token(media.encrypted().fileEncSha256());
        byte[] file = stored.get(token);
        assertArrayEquals(sha256(file), media.encrypted().fileEncSha256());
        assertEquals("/v/t62/" + token + ".enc", media.directPath());
        assertTrue(media.url().startsWith("https://" + hostName()));
        assertEquals(300_000, media.encrypted().fileLength());
        assertEquals("https://web.whatsapp.com", lastHeaders.get("Origin"));
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        MediaCipher.decrypt(new ByteArrayInputStream(file), opened, media.mediaKey(), MediaType.IMAGE);
        assertArrayEquals(Files.readAllBytes(plain), opened.toByteArray());
        assertArrayEquals(sha256(Files.readAllBytes(plain)), media.encrypted().fileSha256());
        assertEquals(List.of(plain), listDir(), "the encrypted temporary file is gone");
    }

    @Test
    void aHostThatCannotBeReachedIsSkipped() throws Exception {
        Path plain = plainFile(100);
        UploadedMedia media = uploader(ExtraTrust.sslContext(caPem), List.of("127.0.0.1:1", hostName()), AUTH)
                .upload(plain, MediaType.VIDEO).get();
        assertTrue(stored.containsKey(MediaUploader.token(media.encrypted().fileEncSha256())));
    }

    @Test
    void aRefusedAuthFailsTheUploadAndLeavesNothingBehind() throws Exception {
        Path plain = plainFile(100);
        CompletionException failure = assertThrows(CompletionException.class, () ->
                uploader(ExtraTrust.sslContext(caPem), List.of(hostName()), "wrong").upload(plain, MediaType.IMAGE).join());
        assertInstanceOf(MediaUploadException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("HTTP 401"), failure.getCause().getMessage());
        assertTrue(stored.isEmpty());
        assertEquals(List.of(plain), listDir());
    }

    @Test
    void withoutTheExtraCaTheHostIsNotTrusted() throws Exception {
        Path plain = plainFile(100);
        CompletionException failure = assertThrows(CompletionException.class, () ->
                uploader(ExtraTrust.sslContext(null), List.of(hostName()), AUTH).upload(plain, MediaType.IMAGE).join());
        assertInstanceOf(MediaUploadException.class, failure.getCause());
        assertTrue(stored.isEmpty());
    }

    private List<Path> listDir() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals("ca.pem")).toList();
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
