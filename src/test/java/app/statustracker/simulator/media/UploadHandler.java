package app.statustracker.simulator.media;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /mms/<type>/<token>?auth=<auth>&token=<token>} (docs/protocol.md, Media): 401 unless {@code auth}
 * is the current token, 400 unless the path token, the query token and base64url(SHA-256(body)) agree (padded as
 * whatsmeow sends it or unpadded as Baileys does), 413 above the size limit. The body is streamed to a file and
 * hashed on the way, so a video upload costs a buffer, not its size in heap. The 200 answer carries {@code url}
 * and {@code direct_path} shaped like the real ones; without them Baileys counts the upload as failed.
 */
final class UploadHandler {
    private static final Pattern UPLOAD_PATH = Pattern.compile("^/mms/([a-z0-9-]+)/([A-Za-z0-9_=-]+)$");
    // real direct paths look like this; clients treat everything after the host as opaque
    private static final String PATH_PREFIX = "/v/t62.7118-24/";

    private final MediaHost host;
    private final long maxBytes;
    private final SecureRandom random;

    UploadHandler(MediaHost host, long maxBytes, SecureRandom random) {
        this.host = host;
        this.maxBytes = maxBytes;
        this.random = random;
    }

    void handle(HttpExchange exchange) throws IOException {
        Matcher path = UPLOAD_PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            refuse(exchange, 404, "no upload path " + exchange.getRequestURI().getPath());
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!host.auth().equals(query.get("auth"))) {
            refuse(exchange, 401, "auth is not the current media_conn auth");
            return;
        }
        String token = path.group(2);
        if (!stripPadding(token).equals(stripPadding(query.getOrDefault("token", "")))) {
            refuse(exchange, 400, "the path token and the token parameter differ");
            return;
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && !declared.trim().matches("\\d{1,18}")) {
            refuse(exchange, 400, "unreadable Content-Length");
            return;
        }
        if (declared != null && Long.parseLong(declared.trim()) > maxBytes) {
            refuse(exchange, 413, "larger than " + maxBytes + " bytes");
            return;
        }
        Path file = Files.createTempFile(host.folder(), path.group(1) + "-", ".enc");
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = exchange.getRequestBody(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    refuse(exchange, 413, "larger than " + maxBytes + " bytes");
                    break;
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        if (size > maxBytes) {
            Files.deleteIfExists(file);
            return;
        }
        byte[] digest = sha256.digest();
        String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        if (!token.equals(unpadded) && !token.equals(Base64.getUrlEncoder().encodeToString(digest))) {
            Files.deleteIfExists(file);
            reply(exchange, 400, error("token is not base64url(SHA-256(body))"));
            return;
        }
        String directPath = newDirectPath();
        host.stored(new StoredUpload(path.group(1), token, size, digest, file, directPath,
                exchange.getRequestHeaders().getFirst("Origin")));
        reply(exchange, 200, Json.createObjectBuilder()
                .add("url", "https://" + host.hostname() + directPath + "&mms3=true")
                .add("direct_path", directPath)
                .build().toString());
    }

    /**
     * Refuses after reading the rest of the body into nothing: a client still sending when the answer comes and
     * the connection closes sees a broken pipe (or a dead pooled connection) instead of the status, and the point
     * of each refusal is that the client learns it.
     */
    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        reply(exchange, status, error(message));
    }

    private String newDirectPath() {
        byte[] oh = new byte[16];
        random.nextBytes(oh);
        long object = Math.floorMod(random.nextLong(), 1_000_000_000_000_000L);
        long expires = System.currentTimeMillis() / 1000 + 30L * 24 * 3600;
        return PATH_PREFIX + object + "_n.enc?ccb=11-4&oh=01_" + HexFormat.of().formatHex(oh)
                + "&oe=" + Long.toHexString(expires).toUpperCase() + "&_nc_sid=5e03e0";
    }

    private static String stripPadding(String token) {
        return token.replaceFirst("=+$", "");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String error(String message) {
        return Json.createObjectBuilder().add("error", message).build().toString();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
