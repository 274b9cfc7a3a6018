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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The seed's Socket.IO clients against the deployed WAR: the pinned, unmodified socket.io-client with its default
 * options (polling, then the WebSocket upgrade), polling only and WebSocket only, with the key in each place a
 * client may put it; wrong and missing keys never see an event. Then every event of a real flow arrives at each
 * client, once, with the seed's fields, in the order it happened.
 */
@EnabledIfSystemProperty(named = "st.pg.schema", matches = "st_it_\\d+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SocketIoIT extends DeployedWar {
    private static final String KEY = ApiClient.TEST_API_KEY;
    private static final String SESSION = "sio1";
    private static final String PAIRING = "sio2";
    private static final String POSTER = "15554800001";
    private static final List<String> LISTENERS = List.of("default", "polling", "websocket", "bearer");
    private static final List<String> REFUSED = List.of("wrongAuth", "noKey", "wrongHeader", "wrongQuery");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static BaileysDriver node;
    private static WaSimulator sim;
    private static BaileysContacts contacts;
    private static Contact bob;
    private static ApiClient api;
    private static SocketIoClients sio;

    @BeforeAll
    static void start() throws Exception {
        BaileysDriver.assumeAvailable();
        node = BaileysDriver.start();
        sim = ItSimulator.get();
        contacts = new BaileysContacts(node, sim, new BaileysLinking(node, sim));
        bob = contacts.link("Bob", "15554800002");
    }

    @BeforeEach
    void client() {
        if (api == null) {
            api = newClient();
            sio = new SocketIoClients(node, api.base(), WAIT);
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            if (sio != null) {
                sio.close(concat(LISTENERS, REFUSED, List.of("follower")));
            }
            node.close();
        }
    }

    @Test
    @Order(1)
    void everyTransportAndEveryPlaceForTheKeyConnects() {
        JsonObject byDefault = sio.connect("default", options(null, "auth", KEY));
        assertTrue(byDefault.getBoolean("connected"), byDefault.toString());
        JsonObject polling = sio.connect("polling", options("polling", "header", KEY));
        assertTrue(polling.getBoolean("connected"), polling.toString());
        assertEquals("polling", polling.getString("transport"));
        JsonObject websocket = sio.connect("websocket", options("websocket", "query", KEY));
        assertTrue(websocket.getBoolean("connected"), websocket.toString());
        assertEquals("websocket", websocket.getString("transport"));
        JsonObject bearer = sio.connect("bearer", options("websocket", "bearer", KEY));
        assertTrue(bearer.getBoolean("connected"), "a header key on the WebSocket upgrade: " + bearer);
        JsonObject follower = sio.connect("follower", options(null, "apiKeyAuth", KEY));
        assertTrue(follower.getBoolean("connected"), follower.toString());
        sio.emit("follower", "subscribe", "some-other-session");
        // the default client has upgraded from polling to WebSocket by now
        JsonObject recorded = sio.recorded("default");
        assertEquals("websocket", recorded.getString("transport"), recorded.toString());
    }

    @Test
    @Order(2)
    void wrongOrMissingKeysAreRefusedBeforeAnyEvent() {
        JsonObject wrongAuth = sio.connect("wrongAuth", options(null, "auth", "not-the-key-0123456789"));
        assertFalse(wrongAuth.getBoolean("connected") && wrongAuth.isNull("disconnectReason"), wrongAuth.toString());
        JsonObject noKey = sio.connect("noKey", options(null, "none", null));
        assertFalse(noKey.getBoolean("connected") && noKey.isNull("disconnectReason"), noKey.toString());
        for (String name : List.of("wrongAuth", "noKey")) {
            JsonObject state = sio.recorded(name);
            assertEquals("disconnected", state.getString("state"), name + ": " + state);
            assertEquals("io server disconnect", state.getString("reason"), name + ": " + state);
        }
        JsonObject wrongHeader = sio.connect("wrongHeader", options("polling", "header", "not-the-key-0123456789"));
        assertFalse(wrongHeader.getBoolean("connected"), wrongHeader.toString());
        JsonObject wrongQuery = sio.connect("wrongQuery", options("websocket", "query", "not-the-key-0123456789"));
        assertFalse(wrongQuery.getBoolean("connected"), wrongQuery.toString());
    }

    @Test
    @Order(3)
    void everyEventOfARealFlowReachesEveryClientOnceInOrderWithTheSeedsFields() throws Exception {
        sim.createAccount("15554800009"); // the simulator issues codes only for numbers it knows
        Reply pairing = api.post("/api/sessions", "{\"sessionId\":\"" + PAIRING + "\",\"sessionName\":\"P\","
                + "\"authMethod\":\"pairing\",\"phoneNumber\":\"15554800009\"}");
        assertTrue(pairing.status() == 201, pairing.raw());
        QrLinking.link(api, sim, SESSION, POSTER);
        Reply sent = api.post("/api/sessions/" + SESSION + "/send-status", Json.createObjectBuilder()
                .add("type", "text").add("content", "Socket.IO 🔌").add("targetNumbers", bob.phone()).build()
                .toString());
        assertEquals(200, sent.status(), sent.raw());
        String statusId = sent.json().getJsonObject("data").getString("id");
        JsonObject got = contacts.awaitOne(bob, "received", Map.of("key.id", statusId));
        contacts.readStatuses(bob, got.getJsonObject("key"));
        StatusViews.await(api, SESSION, statusId, v -> v.containsKey(bob.phone())
                && StatusViews.time(v.get(bob.phone()), "viewedAt") != null, WAIT);
        Reply revoked = api.delete("/api/sessions/" + SESSION + "/delete-status/" + statusId + "?revoke=true");
        assertEquals(200, revoked.status(), revoked.raw());
        assertEquals(200, api.delete("/api/sessions/" + SESSION).status());
        assertEquals(200, api.delete("/api/sessions/" + PAIRING).status());

        for (String client : LISTENERS) {
            JsonObject created = sio.awaitEvent(client, "session-created", Map.of("sessionId", PAIRING));
            assertEquals("P", created.getString("sessionName"), client);
            JsonObject code = sio.awaitEvent(client, "pairing-code", Map.of("sessionId", PAIRING));
            assertTrue(code.getString("pairingCode").matches("[A-Z0-9]{8}"), client + ": " + code);
            assertEquals("15554800009", code.getString("phoneNumber"));
            JsonObject qr = sio.awaitEvent(client, "qr-code", Map.of("sessionId", SESSION));
            assertTrue(qr.getString("qrCode").startsWith("data:image/png;base64,"), client);
            JsonObject linked = sio.awaitEvent(client, "connection-status", Map.of("sessionId", SESSION,
                    "status", "connected"));
            assertTrue(linked.getBoolean("connected"), client + ": " + linked);
            assertEquals(POSTER, linked.getString("ownNumber"), client);
            JsonObject statusSent = sio.awaitEvent(client, "status-sent", Map.of("sessionId", SESSION, "id", statusId));
            assertEquals("text", statusSent.getString("type"));
            JsonObject viewers = sio.awaitViewed(client, statusId);
            assertEquals(bob.phone(), viewers.getJsonArray("viewers").getJsonObject(0).getString("phoneNumber"));
            sio.awaitEvent(client, "status-deleted", Map.of("sessionId", SESSION, "statusId", statusId));
            sio.awaitEvent(client, "statuses-updated", Map.of("sessionId", SESSION));
            sio.awaitEvent(client, "session-deleted", Map.of("sessionId", SESSION));
            sio.awaitEvent(client, "session-deleted", Map.of("sessionId", PAIRING));

            List<JsonObject> all = sio.events(client);
            assertEquals(1, count(all, "status-sent", statusId), client + " got status-sent once");
            assertEquals(1, count(all, "status-deleted", statusId), client + " got status-deleted once");
            List<String> order = new ArrayList<>();
            for (JsonObject e : all) {
                JsonObject data = e.getJsonObject("data");
                if (SESSION.equals(data.getString("sessionId", null))
                        && List.of("qr-code", "status-sent", "status-deleted", "session-deleted")
                        .contains(e.getString("event")) && !order.contains(e.getString("event"))) {
                    order.add(e.getString("event"));
                }
            }
            assertEquals(List.of("qr-code", "status-sent", "status-deleted", "session-deleted"), order, client);
        }
        for (String client : REFUSED) {
            assertEquals(List.of(), sio.events(client), client + " never gets an event");
        }
        assertTrue(sio.events("follower").stream().noneMatch(e -> SESSION.equals(
                e.getJsonObject("data").getString("sessionId", null))), "a follower of another session sees none");
    }

    private static long count(List<JsonObject> events, String name, String id) {
        return events.stream().filter(e -> e.getString("event").equals(name)).filter(e -> {
            JsonObject d = e.getJsonObject("data");
            return id.equals(d.getString("id", null)) || id.equals(d.getString("statusId", null));
        }).count();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
