package app.statustracker.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A multipart/form-data request as a browser or curl -F sends one: one file part per call of {@link #file}. */
final class Multipart {
    private final String boundary = "----st" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart file(String field, String filename, String contentType, byte[] content) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n");
        write("Content-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    Multipart text(String field, String value) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n");
        write(value + "\r\n");
        return this;
    }

    HttpRequest request(ApiClient api, String path) {
        write("--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(60))
                .header("x-api-key", ApiClient.TEST_API_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
