package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.WaSimulator;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Linked sessions survive the server being killed: after a restart a QR-linked and a code-linked session log in
 * again with their stored keys, show connected, and ask for no new QR or pairing code; until a session has logged
 * in again it never reads connected.
 */
class RestartIT {
    private static final String PHONE = "15551230077";
    private static final String CODE_PHONE = "447700900177";

    @Test
    void linkedSessionComesBackAfterKill9() throws Exception {
        WaSimulator sim = ItSimulator.get();
        sim.createAccount(PHONE);
        sim.createAccount(CODE_PHONE);
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "it-restart-" + System.nanoTime());
        try (ServerProcess server = new ServerProcess(data)) {
            ApiClient api = server.start(Duration.ofSeconds(180));
            assertEquals(201, api.post("/api/sessions",
                    "{\"sessionId\":\"restart1\",\"sessionName\":\"R\",\"authMethod\":\"qrcode\"}").status());
            JsonObject waiting = SessionStatus.await(api, "restart1", s -> s.containsKey("qrCode"), Duration.ofSeconds(30));
            sim.scanQr(PHONE, QrCodes.decode(waiting.getString("qrCode")));
            JsonObject linked = SessionStatus.await(api, "restart1", s -> s.getBoolean("connected")
                    && sim.onlineConnection(PHONE, SessionStatus.device(s)).isPresent(), Duration.ofSeconds(30));
            int device = SessionStatus.device(linked);
            String before = sim.onlineConnection(PHONE, device).orElseThrow().id();
            assertEquals(201, api.post("/api/sessions", "{\"sessionId\":\"restart2\",\"sessionName\":\"C\","
                    + "\"authMethod\":\"pairing\",\"phoneNumber\":\"" + CODE_PHONE + "\"}").status());
            String code = SessionStatus.await(api, "restart2", s -> s.containsKey("pairingCode"), Duration.ofSeconds(30))
                    .getString("pairingCode");
            sim.enterPairingCode(CODE_PHONE, code);
            SessionStatus.await(api, "restart2", s -> s.getBoolean("connected"), Duration.ofSeconds(30));

            server.kill();
            // the logins spread over 8 s: the first answers after the start come before most of them
            api = server.start(Duration.ofSeconds(180), Map.of("STARTUP_SPREAD_MS", "8000"));
            JsonObject back = awaitTruthfully(api, sim, device, before);
            assertEquals(PHONE, back.getString("ownNumber"));
            assertFalse(back.containsKey("qrCode"));
            assertEquals(1, sim.account(PHONE).devices().size(), "same device, no new link");
            JsonObject codeBack = SessionStatus.await(api, "restart2", s -> s.getBoolean("connected"), Duration.ofSeconds(60));
            assertEquals(CODE_PHONE, codeBack.getString("ownNumber"));
            assertFalse(codeBack.containsKey("pairingCode"), "a linked pairing-code session asks for no new code");
            assertEquals(1, sim.account(CODE_PHONE).devices().size());
            assertEquals(200, api.delete("/api/sessions/restart1").status());
            assertEquals(200, api.delete("/api/sessions/restart2").status());
        }
    }

    /**
     * Polls restart1 until it is connected on a new connection, and fails the moment it reads connected while the
     * simulator has no new connection of that device online: what the API says must be the live connection, not
     * the state the killed process left in the database.
     */
    private static JsonObject awaitTruthfully(ApiClient api, WaSimulator sim, int device, String before)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int answers = 0;
        while (System.nanoTime() < deadline) {
            JsonObject listed = api.get("/api/sessions").json().getJsonArray("data").stream()
                    .map(JsonObject.class::cast).filter(s -> s.getString("sessionId").equals("restart1"))
                    .findFirst().orElseThrow();
            // read after the answer: a login that lands in between makes the simulator's view only newer
            boolean online = sim.onlineConnection(PHONE, device).map(c -> !c.id().equals(before)).orElse(false);
            answers++;
            if (listed.getBoolean("connected")) {
                assertTrue(online, "answer " + answers + " after the restart says connected, but the device has not "
                        + "logged in again: " + listed);
                return SessionStatus.get(api, "restart1");
            }
            assertNotEquals("connected", listed.getString("status", ""), listed.toString());
            Thread.sleep(50);
        }
        throw new AssertionError("restart1 did not log in again within 60 s");
    }
}
