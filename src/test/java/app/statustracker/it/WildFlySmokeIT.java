package app.statustracker.it;

import static app.statustracker.it.SocketIoClients.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.BaileysContacts;
import app.statustracker.simulator.BaileysContacts.Contact;
import app.statustracker.simulator.BaileysLinking;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same WAR, unchanged, on WildFly with PostgreSQL: health (the API's and MicroProfile Health as WildFly serves
 * it), the key check, a session created and linked through the simulator, a text status to a Baileys contact whose
 * view comes back, and the Socket.IO events of that flow; a wrong key gets none of them.
 */
@EnabledIfSystemProperty(named = "st.wildfly.home", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlySmokeIT {
    private static final String SESSION = "wildfly1";
    private static final String POSTER = "15554900001";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WildFlyServer server;
    private static ApiClient api;
    private static BaileysDriver node;
    private static WaSimulator sim;
    private static BaileysContacts contacts;
    private static Contact carol;
    private static SocketIoClients sio;

    @BeforeAll
    static void start() throws Exception {
        BaileysDriver.assumeAvailable();
        sim = ItSimulator.get();
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "it-wildfly-" + System.nanoTime());
        server = new WildFlyServer(data.resolve("wildfly.log"));
        api = server.start(Duration.ofMinutes(4), Map.of(
                "DATA_DIR", data.toString(),
                "ENV_FILE", data.resolve(".env").toString()));
        node = BaileysDriver.start();
        contacts = new BaileysContacts(node, sim, new BaileysLinking(node, sim));
        carol = contacts.link("Carol", "15554900002");
        sio = new SocketIoClients(node, api.base(), WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            if (sio != null) {
                sio.close(List.of("watcher", "intruder"));
            }
            node.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void healthAndTheKeyCheck() {
        Reply health = api.get("/api/health");
        assertEquals(200, health.status(), health.raw());
        assertEquals("postgresql", health.json().getJsonObject("data").getString("database"), health.raw());
        Reply ready = server.management().send("GET", "/health/ready", null);
        assertEquals(200, ready.status(), "MicroProfile Health on WildFly's management port: " + ready.raw());
        assertTrue(ready.raw().contains("\"UP\""), ready.raw());
        Reply noKey = api.send("GET", "/api/sessions", null);
        assertEquals(401, noKey.status(), noKey.raw());
        assertFalse(noKey.json().getBoolean("success"));
        Reply wrongKey = api.send("GET", "/api/sessions", null, "x-api-key", "not-the-key-0123456789");
        assertEquals(401, wrongKey.status(), wrongKey.raw());
        assertEquals(200, api.get("/api/sessions").status());
        Reply openapi = api.send("GET", "/openapi", null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.raw().contains("/api/sessions/{sessionId}/send-status"), "the document lists the routes");
    }

    @Test
    @Order(2)
    void socketIoClientsConnectAndAWrongKeyIsRefused() {
        JsonObject watcher = sio.connect("watcher", options(null, "auth", ApiClient.TEST_API_KEY));
        assertTrue(watcher.getBoolean("connected"), watcher.toString());
        JsonObject intruder = sio.connect("intruder", options(null, "auth", "not-the-key-0123456789"));
        assertFalse(intruder.getBoolean("connected") && intruder.isNull("disconnectReason"), intruder.toString());
        assertEquals("disconnected", sio.recorded("intruder").getString("state"));
    }

    @Test
    @Order(3)
    void linkPostAndSeeTheContactsView() throws Exception {
        int device = QrLinking.link(api, sim, SESSION, POSTER);
        assertTrue(sim.onlineConnection(POSTER, device).isPresent());
        Reply sent = api.post("/api/sessions/" + SESSION + "/send-status", Json.createObjectBuilder()
                .add("type", "text").add("content", "Hello from WildFly").add("targetNumbers", carol.phone()).build()
                .toString());
        assertEquals(200, sent.status(), sent.raw());
        String statusId = sent.json().getJsonObject("data").getString("id");
        JsonObject got = contacts.awaitOne(carol, "received", Map.of("key.id", statusId));
        assertEquals("Hello from WildFly", got.getJsonObject("message").getJsonObject("extendedTextMessage")
                .getString("text"), got.toString());
        contacts.readStatuses(carol, got.getJsonObject("key"));
        Map<String, JsonObject> viewers = StatusViews.await(api, SESSION, statusId, v -> v.containsKey(carol.phone())
                && StatusViews.time(v.get(carol.phone()), "viewedAt") != null, WAIT);
        assertEquals(1, viewers.size(), viewers.toString());

        JsonObject qr = sio.awaitEvent("watcher", "qr-code", Map.of("sessionId", SESSION));
        assertTrue(qr.getString("qrCode").startsWith("data:image/png;base64,"));
        JsonObject linked = sio.awaitEvent("watcher", "connection-status", Map.of("sessionId", SESSION,
                "status", "connected"));
        assertEquals(POSTER, linked.getString("ownNumber"));
        assertEquals("text", sio.awaitEvent("watcher", "status-sent", Map.of("sessionId", SESSION, "id", statusId))
                .getString("type"));
        JsonObject viewed = sio.awaitViewed("watcher", statusId);
        assertEquals(carol.phone(), viewed.getJsonArray("viewers").getJsonObject(0).getString("phoneNumber"));

        assertEquals(200, api.delete("/api/sessions/" + SESSION).status());
        sio.awaitEvent("watcher", "session-deleted", Map.of("sessionId", SESSION));
        assertEquals(List.of(), sio.events("intruder"), "a refused client never gets an event");
    }
}
