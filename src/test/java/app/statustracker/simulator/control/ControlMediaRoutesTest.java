package app.statustracker.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.media.ExtraTrust;
import app.statustracker.wa.media.MediaConnQuery;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The media host's control routes: where it is, what was uploaded and fetched, and rotating its auth. */
class ControlMediaRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void infoUploadsWithDownloadCountsAndAuthRotation() throws Exception {
        try (WaSimulator simulator = WaSimulator.start();
             ControlHttpServer control = new ControlHttpServer(simulator, 0)) {
            String base = "http://127.0.0.1:" + control.port();
            JsonObject info = (JsonObject) call("GET", base + "/info", null);
            assertEquals(simulator.mediaHostname(), info.getString("mediaHost"));
            assertEquals(simulator.mediaCaFile().toString(), info.getString("mediaCaFile"));
            simulator.mediaConnHandler().answer(MediaConnQuery.build());
            JsonObject media = (JsonObject) call("GET", base + "/media", null);
            assertEquals(simulator.mediaHost().auth(), media.getString("auth"));
            assertEquals(1, media.getInt("mediaConnQueries"));

            HttpClient trusting = HttpClient.newBuilder()
                    .sslContext(ExtraTrust.sslContext(simulator.mediaCaFile())).build();
            byte[] body = new byte[26];
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            trusting.send(HttpRequest.newBuilder(URI.create("https://" + simulator.mediaHostname() + "/mms/image/"
                    + token + "?auth=" + URLEncoder.encode(simulator.mediaHost().auth(), StandardCharsets.UTF_8)
                    + "&token=" + token)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String directPath = simulator.mediaUploads().get(0).directPath();
            trusting.send(HttpRequest.newBuilder(URI.create("https://" + simulator.mediaHostname() + directPath))
                    .build(), HttpResponse.BodyHandlers.discarding());

            JsonObject upload = ((JsonArray) call("GET", base + "/media/uploads", null)).getJsonObject(0);
            assertEquals("image", upload.getString("type"));
            assertEquals(token, upload.getString("token"));
            assertEquals(26, upload.getInt("size"));
            assertEquals(HexFormat.of().formatHex(hash), upload.getString("sha256"));
            assertEquals(directPath, upload.getString("directPath"));
            assertEquals(1, upload.getInt("downloads"));

            String old = simulator.mediaHost().auth();
            String rotated = ((JsonObject) call("POST", base + "/media/rotate-auth", "{}")).getString("auth");
            assertNotEquals(old, rotated);
            assertEquals(rotated, simulator.mediaHost().auth());
            Node answer = simulator.mediaConnHandler().answer(MediaConnQuery.build());
            assertEquals(rotated, answer.child("media_conn").orElseThrow().attr("auth"));
        }
    }

    private JsonStructure call(String method, String url, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).method(method, publisher)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).read();
    }
}
