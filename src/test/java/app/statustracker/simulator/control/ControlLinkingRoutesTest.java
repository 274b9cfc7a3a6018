package app.statustracker.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The linking and device routes of the control port, driven the way a test in another process would. */
class ControlLinkingRoutesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownAccountsRefsAndMalformedQrsAreRefused() throws Exception {
        try (WaSimulator simulator = WaSimulator.start();
             ControlHttpServer control = new ControlHttpServer(simulator, 0)) {
            String base = "http://127.0.0.1:" + control.port();
            send("GET", base + "/accounts/15550003000", null, 404);
            send("POST", base + "/accounts", "{\"phoneNumber\":\"15550003000\"}", 200);
            JsonObject account = (JsonObject) send("GET", base + "/accounts/15550003000", null, 200);
            assertEquals(0, account.getJsonArray("devices").size());
            assertEquals(64, account.getString("identityKey").length());
            send("POST", base + "/accounts/15550003000/scan-qr", "{\"qr\":\"nonsense\"}", 400);
            String unknownRef = "https://wa.me/settings/linked_devices#2@nope," + "A".repeat(43) + "=,"
                    + "A".repeat(43) + "=," + "A".repeat(43) + "=,1";
            send("POST", base + "/accounts/15550003000/scan-qr", "{\"qr\":\"" + unknownRef + "\"}", 404);
            send("POST", base + "/accounts/15550003000/pairing-code", "{\"code\":\"ABCD2345\"}", 404);
            send("POST", base + "/accounts/15550003000/devices/1/unlink", "", 404);
            send("GET", base + "/pairings/p9", null, 404);
            assertEquals(0, ((JsonArray) send("GET", base + "/pairings", null, 200)).size());
        }
    }

    @Test
    void baileysLinkedOverTheControlPortThenKickedAndUnlinked() throws Exception {
        BaileysDriver.assumeAvailable();
        try (WaSimulator simulator = WaSimulator.start();
             ControlHttpServer control = new ControlHttpServer(simulator, 0);
             BaileysDriver baileys = BaileysDriver.start()) {
            String base = "http://127.0.0.1:" + control.port();
            String phone = "15550003001";
            send("POST", base + "/accounts", "{\"phoneNumber\":\"" + phone + "\"}", 200);
            JsonObject connectArgs = Json.createObjectBuilder().add("url", simulator.wsUrl().toString())
                    .add("rootPublicKey", HexFormat.of().formatHex(simulator.rootPublicKey())).build();
            JsonObject first = baileys.call("connect", connectArgs);
            String qr = baileys.awaitEvent("connection.update", data -> first.getString("handle")
                    .equals(data.getString("handle")) && data.containsKey("qr"), WAIT).getString("qr");

            JsonObject attempt = (JsonObject) send("POST", base + "/accounts/" + phone + "/scan-qr",
                    Json.createObjectBuilder().add("qr", qr).build().toString(), 200);
            JsonObject done = (JsonObject) send("POST", base + "/pairings/" + attempt.getString("id") + "/await",
                    "{\"timeoutMillis\":20000}", 200);
            assertEquals("LINKED", done.getString("state"));
            int device = done.getInt("deviceId");
            awaitClose(baileys, first.getString("handle"), 515);

            JsonObject login = baileys.call("connect", Json.createObjectBuilder(connectArgs)
                    .add("auth", first.getString("auth")).build());
            baileys.awaitEvent("connection.update", data -> login.getString("handle").equals(data.getString("handle"))
                    && "open".equals(data.getString("connection", "")), WAIT);
            JsonObject listed = ((JsonObject) send("GET", base + "/accounts/" + phone, null, 200))
                    .getJsonArray("devices").getJsonObject(0);
            assertEquals(phone + ":" + device + "@s.whatsapp.net", listed.getString("jid"));
            assertTrue(listed.containsKey("connectionId"));
            JsonObject preKeys = (JsonObject) send("GET",
                    base + "/accounts/" + phone + "/devices/" + device + "/prekeys", null, 200);
            assertEquals(5, preKeys.getInt("count"));
            assertEquals(1, preKeys.getJsonObject("signedPreKey").getInt("id"));

            send("POST", base + "/accounts/" + phone + "/devices/" + device + "/kick", "", 200);
            awaitClose(baileys, login.getString("handle"), 440);
            send("POST", base + "/accounts/" + phone + "/devices/" + device + "/kick", "", 404);

            JsonObject again = baileys.call("connect", Json.createObjectBuilder(connectArgs)
                    .add("auth", first.getString("auth")).build());
            baileys.awaitEvent("connection.update", data -> again.getString("handle").equals(data.getString("handle"))
                    && "open".equals(data.getString("connection", "")), WAIT);
            send("POST", base + "/accounts/" + phone + "/devices/" + device + "/unlink", "", 200);
            awaitClose(baileys, again.getString("handle"), 401);
            assertEquals(0, ((JsonObject) send("GET", base + "/accounts/" + phone, null, 200))
                    .getJsonArray("devices").size());
        }
    }

    private static void awaitClose(BaileysDriver baileys, String handle, int statusCode) {
        JsonObject closed = baileys.awaitEvent("connection.update", data -> handle.equals(data.getString("handle"))
                && "close".equals(data.getString("connection", "")), WAIT);
        assertEquals(statusCode, closed.getInt("statusCode", -1));
    }

    private JsonStructure send(String method, String url, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), method + " " + url + ": " + response.body());
        return Json.createReader(new StringReader(response.body())).read();
    }
}
