package app.statustracker.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the REST contract, talking to the server over loopback only. */
public final class ApiClient {
    public static final String TEST_API_KEY = "it-test-key-0123456789abcdef";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as curl and most REST clients speak it
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Arquillian hands out the host's first non-loopback address; keep to 127.0.0.1. */
    public static ApiClient forDeployment(java.net.URL deployed) {
        return new ApiClient("http://127.0.0.1:" + deployed.getPort());
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String raw) {
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(raw))) {
                return r.readObject();
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String error() {
            return json().getString("error");
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, "x-api-key", TEST_API_KEY);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "x-api-key", TEST_API_KEY, "Content-Type", "application/json");
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, "x-api-key", TEST_API_KEY);
    }

    /** @param headers name, value, name, value ... */
    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }
}
