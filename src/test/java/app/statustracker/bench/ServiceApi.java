package app.statustracker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The running service's REST API as a user's script calls it: JSON requests with the API key, and file uploads
 * as multipart/form-data streamed from disk (a 50 MB video is never held in this process either, so the bench
 * client does not compete with the server for memory on the shared machine).
 */
final class ServiceApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String apiKey;

    ServiceApi(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** The answer's status and JSON body (null when the body is not JSON, e.g. while Payara starts). */
    record Reply(int status, JsonObject json, String raw) {
        JsonObject data() {
            if (status != 200 || json == null || !json.getBoolean("success", false)) {
                throw new IllegalStateException("the service answered " + status + ": " + raw);
            }
            return json.getJsonObject("data");
        }
    }

    Reply get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    Reply post(String path, JsonObject body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString())).build());
    }

    /** {@code curl -F field=@file}: one file part, its bytes read from disk while they are sent. */
    Reply upload(String path, String field, Path file, String contentType) throws Exception {
        String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        BodyPublisher body = BodyPublishers.concat(BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                BodyPublishers.ofFile(file), BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build());
    }

    private HttpRequest.Builder request(String path) {
        // send-status waits for WhatsApp's ack (STATUS_SEND_TIMEOUT_MS, 120 s by default) plus the media upload
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(600)).header("x-api-key", apiKey);
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json = null;
        try {
            json = Json.createReader(new StringReader(answer.body())).readObject();
        } catch (RuntimeException notJson) {
            // left null: the caller sees raw
        }
        return new Reply(answer.statusCode(), json, answer.body());
    }
}
