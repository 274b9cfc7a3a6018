package app.statustracker.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The standalone simulator's JSON control port (docs/simulator-control.md) as the benchmarks use it: accounts,
 * virtual companions with key material, QR scans, relayed messages, injected receipts and the media host's uploads.
 */
final class SimulatorControlClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    SimulatorControlClient(URI base) {
        this.base = base;
    }

    JsonObject info() throws Exception {
        return (JsonObject) send(HttpRequest.newBuilder(base.resolve("/info")).build());
    }

    /** Creates the account (or finds it) and returns {phoneNumber, lid}. */
    JsonObject createAccount(String phone) throws Exception {
        return post("/accounts", Json.createObjectBuilder().add("phoneNumber", phone).build());
    }

    JsonObject addVirtualCompanions(String phone, int count, int oneTimeKeys) throws Exception {
        return post("/accounts/" + phone + "/virtual-companions",
                Json.createObjectBuilder().add("count", count).add("oneTimeKeys", oneTimeKeys).build());
    }

    void scanQr(String phone, String qr) throws Exception {
        post("/accounts/" + phone + "/scan-qr", Json.createObjectBuilder().add("qr", qr).build());
    }

    /** One receipt of {@code type} (null: delivery) per viewer for status {@code id}, sent to the poster. */
    void injectReceipts(String id, List<String> viewerPhones, String type, long unixSeconds) throws Exception {
        JsonArrayBuilder viewers = Json.createArrayBuilder();
        viewerPhones.forEach(viewers::add);
        var body = Json.createObjectBuilder().add("viewers", viewers).add("t", unixSeconds);
        if (type != null) {
            body.add("type", type);
        }
        post("/messages/" + id + "/receipts", body.build());
    }

    /** A relayed message with its deliveries, once it is acked and fanned out. */
    JsonObject awaitMessage(String id) throws Exception {
        return post("/messages/" + id + "/await", Json.createObjectBuilder().add("timeoutMillis", 60_000).build());
    }

    /** What the media host stored so far: [{type, token, size, sha256, directPath, downloads, origin?}]. */
    JsonArray mediaUploads() throws Exception {
        return (JsonArray) send(HttpRequest.newBuilder(base.resolve("/media/uploads")).build());
    }

    JsonObject post(String path, JsonObject body) throws Exception {
        return (JsonObject) send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private JsonStructure send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).read();
    }
}
