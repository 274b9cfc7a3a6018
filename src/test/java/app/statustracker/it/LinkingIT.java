package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.WaSimulator;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linking through the real REST API and protocol stack, the simulator playing WhatsApp and the phone: QR and
 * pairing-code links, dropped connections coming back, an unlink ending in logged_out without a reconnect loop.
 */
class LinkingIT extends DeployedWar {
    private static final String QR_PHONE = "15551230001";
    private static final String CODE_PHONE = "447700900123";

    ApiClient api;
    WaSimulator sim;

    @BeforeEach
    void setUp() {
        api = newClient();
        sim = ItSimulator.get();
    }

    @Test
    void qrLinkSurvivesDropsAndEndsWithUnlink() throws Exception {
        sim.createAccount(QR_PHONE);
        EventsClient events = EventsClient.connect(api.base().replace("http://", "ws://") + "/ws",
                "x-api-key", ApiClient.TEST_API_KEY).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(201, api.post("/api/sessions",
                "{\"sessionId\":\"qr1\",\"sessionName\":\"QR\",\"authMethod\":\"qrcode\"}").status());
        JsonObject qrEvent = events.await("qr-code", d -> d.getString("sessionId").equals("qr1"), 30_000);
        assertTrue(qrEvent.getString("qrCode").startsWith("data:image/png;base64,"));
        JsonObject waiting = awaitStatus("qr1", s -> s.containsKey("qrCode"), Duration.ofSeconds(30));
        assertEquals("awaiting_pairing", waiting.getString("status"));
        assertEquals(400, api.post("/api/sessions/qr1/request-pairing-code", "").status(), "QR sessions have no code");

        sim.scanQr(QR_PHONE, QrCodes.decode(waiting.getString("qrCode")));
        JsonObject linked = awaitStatus("qr1", s -> s.getBoolean("connected"), Duration.ofSeconds(30));
        assertEquals(QR_PHONE, linked.getString("ownNumber"));
        assertTrue(linked.getString("ownLid").endsWith("@lid"), linked.toString());
        assertFalse(linked.containsKey("qrCode"));
        events.await("connection-status", d -> d.getString("sessionId").equals("qr1") && d.getBoolean("connected"),
                10_000);
        int device = SessionStatus.device(linked);

        for (int i = 0; i < 20; i++) {
            String before = sim.onlineConnection(QR_PHONE, device).orElseThrow().id();
            sim.drop(before);
            awaitStatus("qr1", s -> s.getBoolean("connected")
                    && sim.onlineConnection(QR_PHONE, device).map(c -> !c.id().equals(before)).orElse(false),
                    Duration.ofSeconds(20));
        }
        assertEquals(1, sim.account(QR_PHONE).devices().size(), "reconnects never registered a second device");

        // another login of the same device elsewhere: we stop, showing why, and do not fight for the device
        sim.kickDuplicate(QR_PHONE, device).orElseThrow();
        JsonObject replaced = awaitStatus("qr1", s -> "replaced".equals(s.getString("reason", "")), Duration.ofSeconds(20));
        assertEquals("disconnected", replaced.getString("status"));
        Thread.sleep(1_500);
        assertTrue(sim.onlineConnection(QR_PHONE, device).isEmpty(), "no reconnect after being replaced");
        assertEquals(200, api.post("/api/sessions/qr1/restart", "").status());
        awaitStatus("qr1", s -> s.getBoolean("connected"), Duration.ofSeconds(20));

        sim.unlink(QR_PHONE, device);
        events.await("connection-status", d -> d.getString("sessionId").equals("qr1")
                && "logged_out".equals(d.getString("status")), 20_000);
        events.close();
        JsonObject out = awaitStatus("qr1", s -> "logged_out".equals(s.getString("status")), Duration.ofSeconds(20));
        assertFalse(out.getBoolean("connected"));
        Thread.sleep(2_000);
        assertTrue(sim.onlineConnection(QR_PHONE, device).isEmpty(), "no reconnect after logout");
        assertEquals("logged_out", status("qr1").getString("status"));
        assertEquals(200, api.delete("/api/sessions/qr1").status());
    }

    @Test
    void pairingCodeLinksAndIsRefusedOnceLinked() throws Exception {
        sim.createAccount(CODE_PHONE);
        assertEquals(201, api.post("/api/sessions", "{\"sessionId\":\"code1\",\"sessionName\":\"Code\","
                + "\"authMethod\":\"pairing\",\"phoneNumber\":\"+44 7700 900123\"}").status());
        JsonObject waiting = awaitStatus("code1", s -> s.containsKey("pairingCode"), Duration.ofSeconds(30));
        String code = waiting.getString("pairingCode");
        assertTrue(code.matches("[A-Z0-9]{8}"), code);
        Reply read = api.get("/api/sessions/code1/pairing-code");
        assertEquals(code, read.json().getJsonObject("data").getString("pairingCode"));

        sim.enterPairingCode(CODE_PHONE, code);
        JsonObject linked = awaitStatus("code1", s -> s.getBoolean("connected"), Duration.ofSeconds(30));
        assertEquals(CODE_PHONE, linked.getString("ownNumber"));
        assertFalse(linked.containsKey("pairingCode"));
        Reply again = api.post("/api/sessions/code1/request-pairing-code", "");
        assertEquals(409, again.status(), again.raw());
        assertFalse(again.json().getBoolean("success"));
        assertEquals(404, api.get("/api/sessions/nope/connection-status").status());
        assertEquals(400, api.send("PUT", "/api/sessions/code1/phone-number", "{\"phoneNumber\":\"12ab\"}",
                "x-api-key", ApiClient.TEST_API_KEY, "Content-Type", "application/json").status());
        assertEquals(1, sim.account(CODE_PHONE).devices().size());
        assertEquals(200, api.delete("/api/sessions/code1").status());
        assertTrue(sim.account(CODE_PHONE).devices().isEmpty(), "deleting a linked session unlinks it on WhatsApp");
        assertEquals(404, api.get("/api/sessions/code1/connection-status").status());
    }

    @Test
    void everySessionRouteAnswers404ForAnUnknownId() {
        String[][] routes = {
                {"GET", "/connection-status", null}, {"GET", "/pairing-code", null},
                {"POST", "/request-pairing-code", ""}, {"POST", "/restart", ""},
                {"PUT", "/phone-number", "{\"phoneNumber\":\"919812345678\"}"}, {"DELETE", "", null}};
        for (String id : new String[] {"no-such-session", "bad%20id", "x".repeat(65)}) {
            for (String[] route : routes) {
                Reply r = api.send(route[0], "/api/sessions/" + id + route[1], route[2], "x-api-key",
                        ApiClient.TEST_API_KEY, "Content-Type", "application/json");
                assertEquals(404, r.status(), route[0] + " " + route[1] + " " + id + ": " + r.raw());
                assertFalse(r.json().getBoolean("success"));
            }
        }
    }

    @Test
    void phoneNumberUpdatesAreValidated() {
        assertEquals(201, api.post("/api/sessions",
                "{\"sessionId\":\"ph_1\",\"sessionName\":\"P\",\"authMethod\":\"qrcode\"}").status());
        for (String body : new String[] {"{\"phoneNumber\":\"12ab\"}", "{\"phoneNumber\":\"123\"}", "{}",
                "{\"phoneNumber\":919812345678}", "{\"phone\":\"919812345678\"}", "not json"}) {
            Reply r = api.send("PUT", "/api/sessions/ph_1/phone-number", body, "x-api-key", ApiClient.TEST_API_KEY,
                    "Content-Type", "application/json");
            assertEquals(400, r.status(), body + ": " + r.raw());
        }
        assertEquals(400, api.post("/api/sessions/ph_1/request-pairing-code", "").status(), "a QR session has no code");
        assertEquals(400, api.get("/api/sessions/ph_1/pairing-code").status());
        Reply ok = api.send("PUT", "/api/sessions/ph_1/phone-number", "{\"phoneNumber\":\"+91 98123 45678\"}",
                "x-api-key", ApiClient.TEST_API_KEY, "Content-Type", "application/json");
        assertEquals(200, ok.status(), ok.raw());
        assertEquals("919812345678", ok.json().getJsonObject("data").getString("phoneNumber"));
        assertEquals(200, api.delete("/api/sessions/ph_1").status());
    }

    private JsonObject status(String sessionId) {
        return SessionStatus.get(api, sessionId);
    }

    private JsonObject awaitStatus(String sessionId, Predicate<JsonObject> done, Duration timeout)
            throws InterruptedException {
        return SessionStatus.await(api, sessionId, done, timeout);
    }
}
