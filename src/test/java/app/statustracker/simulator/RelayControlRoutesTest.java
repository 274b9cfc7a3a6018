package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.control.ControlHttpServer;
import app.statustracker.wa.binary.Node;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay's control routes (docs/simulator-control.md) answer what the Java API answers. */
class RelayControlRoutesTest extends RelayTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void settingsMessagesReceiptsFaultsAndPendingOverHttp() throws Exception {
        try (ControlHttpServer control = new ControlHttpServer(simulator, 0)) {
            String base = "http://127.0.0.1:" + control.port();
            RawDevice poster = online("15550007001", 1);
            RawDevice viewer = device("15550007002", 1, 0);
            simulator.createAccount("15550007003");
            assertEquals("PER_VIEWER", ((JsonObject) call("GET", base + "/relay-settings", null, 200))
                    .getString("receiptShape"));
            JsonObject settings = (JsonObject) call("POST", base + "/relay-settings", "{\"receiptShape\":\"B\"}", 200);
            assertEquals("AGGREGATED", settings.getString("receiptShape"));
            assertEquals(false, settings.getBoolean("acceptPnAddressedStatus"));
            call("POST", base + "/relay-settings", "{\"receiptShape\":\"C\"}", 400);
            call("POST", base + "/accounts/15550007001/push-name", "{\"name\":\"Poster\"}", 200);

            String id = newId();
            poster.send(status(id, List.of(to(viewer.lidJid(), "pkmsg", 1))));
            JsonObject message = (JsonObject) call("POST", base + "/messages/" + id + "/await",
                    "{\"timeoutMillis\":2000}", 200);
            assertEquals("STATUS", message.getString("kind"));
            assertEquals("LID", message.getString("mode"));
            assertEquals(poster.jid(), message.getString("sender"));
            assertEquals("pkmsg", message.getJsonArray("deliveries").getJsonObject(0).getString("encType"));
            assertEquals(1, ((JsonArray) call("GET", base + "/messages", null, 200)).size());
            call("GET", base + "/messages/nope", null, 404);

            JsonObject pending = (JsonObject) call("GET", base + "/accounts/15550007002/devices/1/pending", null, 200);
            assertEquals(1, pending.getInt("queued"));
            assertEquals(id, pending.getJsonArray("stanzas").getJsonObject(0).getJsonObject("node")
                    .getJsonObject("attrs").getString("id"));

            JsonObject injected = (JsonObject) call("POST", base + "/messages/" + id + "/receipts",
                    "{\"viewer\":\"15550007003\",\"type\":\"read\",\"t\":1700000000}", 200);
            assertEquals("AGGREGATED", injected.getString("shape"));
            assertEquals(1700000000, injected.getInt("t"));
            Node shapeB = poster.next(n -> "receipt".equals(n.tag()));
            assertEquals(id, shapeB.child("participants").orElseThrow().attr("message_id"));
            assertEquals(1, ((JsonArray) call("GET", base + "/messages/" + id + "/receipts", null, 200)).size());
            assertEquals(1, ((JsonObject) call("GET", base + "/messages/" + id, null, 200))
                    .getJsonArray("receipts").size());

            call("POST", base + "/accounts/15550007001/ack-faults", "{\"error\":\"479\",\"count\":1}", 200);
            call("POST", base + "/accounts/15550007001/ack-faults", "{\"error\":\"x\"}", 400);
            call("POST", base + "/accounts/15559999999/ack-faults", "{\"drop\":true}", 404);
            String refused = newId();
            poster.send(status(refused, List.of(to(viewer.lidJid(), "msg", 2))));
            assertEquals("479", poster.next(n -> isAck(n, refused)).attr("error"));
            call("POST", base + "/accounts/15550007001/ack-faults", "{\"drop\":true,\"count\":2}", 200);
            call("DELETE", base + "/accounts/15550007001/ack-faults", null, 200);
            String plain = newId();
            poster.send(status(plain, List.of(to(viewer.lidJid(), "msg", 3))));
            assertTrue(poster.next(n -> isAck(n, plain)).attr("error") == null, "faults were cleared");
        }
    }

    private JsonStructure call(String method, String url, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).read();
    }
}
