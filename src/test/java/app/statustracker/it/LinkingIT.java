package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.WaSimulator;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Linking through the real REST API and protocol stack, the simulator playing WhatsApp and the phone: QR and
 * pairing-code links, dropped connections coming back, an unlink ending in logged_out without a reconnect loop.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LinkingIT {
    private static final String QR_PHONE = "15551230001";
    private static final String CODE_PHONE = "447700900123";

    @Deployment(testable = false)
    static WebArchive war() {
        ItSimulator.get();
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL deployed;

    ApiClient api;
    WaSimulator sim;

    @BeforeEach
    void setUp() {
        api = ApiClient.forDeployment(deployed);
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
        events.close();

        sim.unlink(QR_PHONE, device);
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
        assertEquals(200, api.delete("/api/sessions/code1").status());
    }

    private JsonObject status(String sessionId) {
        return SessionStatus.get(api, sessionId);
    }

    private JsonObject awaitStatus(String sessionId, Predicate<JsonObject> done, Duration timeout)
            throws InterruptedException {
        return SessionStatus.await(api, sessionId, done, timeout);
    }
}
