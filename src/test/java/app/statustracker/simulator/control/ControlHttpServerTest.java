package app.statustracker.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.transport.CloseReason;
import app.statustracker.wa.transport.ConnectRequest;
import app.statustracker.wa.transport.ConnectionListener;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnection;
import app.statustracker.wa.transport.WaConnector;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The control port answers the same questions as the Java API, in JSON. */
class ControlHttpServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void infoAccountsConnectionsStanzasAwaitAndDrop() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (WaSimulator simulator = WaSimulator.start();
             ControlHttpServer control = new ControlHttpServer(simulator, 0)) {
            String base = "http://127.0.0.1:" + control.port();
            JsonObject info = (JsonObject) get(base + "/info");
            assertEquals(simulator.wsUrl().toString(), info.getString("wsUrl"));
            assertEquals(HexFormat.of().formatHex(simulator.rootPublicKey()), info.getString("rootPublicKey"));
            assertTrue(((JsonObject) post(base + "/accounts", "{\"phoneNumber\":\"15550001111\"}", 200))
                    .getString("lid").endsWith("@lid"));
            post(base + "/accounts", "{\"phoneNumber\":\"+1 555\"}", 400);

            CompletableFuture<CloseReason> closed = new CompletableFuture<>();
            WaConnector connector = new WaConnector(http, scheduler, TransportOptions.defaults());
            byte[] registration = ClientPayload.newBuilder().setPassive(false)
                    .setDevicePairingData(ClientPayload.DevicePairingRegistrationData.getDefaultInstance())
                    .build().toByteArray();
            connector.connect(new ConnectRequest(simulator.wsUrl(), Curve25519.generateKeyPair(),
                    new CertificateChainVerifier(simulator.rootPublicKey(), 0, Clock.systemUTC()), () -> registration),
                    new ConnectionListener() {
                        @Override
                        public void onNode(WaConnection connection, Node node) {
                        }

                        @Override
                        public void onClose(WaConnection connection, CloseReason reason) {
                            closed.complete(reason);
                        }
                    }).get(10, TimeUnit.SECONDS);
            SimConnection server = simulator.awaitConnection(c -> c.payload().isPresent(), Duration.ofSeconds(5))
                    .orElseThrow();

            JsonObject listed = ((JsonArray) get(base + "/connections")).getJsonObject(0);
            assertEquals(server.id(), listed.getString("id"));
            assertEquals("registration", listed.getString("payloadKind"));
            JsonObject pairDevice = (JsonObject) post(base + "/await-stanza",
                    "{\"direction\":\"OUTBOUND\",\"tag\":\"iq\",\"type\":\"set\",\"timeoutMillis\":5000}", 200);
            assertEquals("pair-device", pairDevice.getJsonObject("node").getJsonArray("content")
                    .getJsonObject(0).getString("tag"));
            assertEquals(1, ((JsonArray) get(base + "/connections/" + server.id() + "/stanzas")).size());
            post(base + "/await-stanza", "{\"tag\":\"nothing\",\"timeoutMillis\":100}", 408);
            post(base + "/connections/" + server.id() + "/delay", "{\"millis\":10}", 200);
            post(base + "/connections/nope/drop", "{}", 404);

            post(base + "/connections/" + server.id() + "/drop", "{}", 200);
            assertEquals(CloseReason.Kind.CONNECTION_LOST, closed.get(5, TimeUnit.SECONDS).kind());
        } finally {
            scheduler.shutdownNow();
        }
    }

    private JsonStructure get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).read();
    }

    private JsonStructure post(String url, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).read();
    }
}
