package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.statustracker.simulator.WaSimulator;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Linked sessions survive the server being killed: after a restart a QR-linked and a code-linked session log in
 * again with their stored keys, show connected, and ask for no new QR or pairing code.
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
            api = server.start(Duration.ofSeconds(180));
            // "connected" and the simulator's view are read at different moments; under load a fresh connection
            // can drop and come back in between, so both are awaited together
            JsonObject back = SessionStatus.await(api, "restart1", s -> s.getBoolean("connected")
                    && sim.onlineConnection(PHONE, device).map(c -> !c.id().equals(before)).orElse(false),
                    Duration.ofSeconds(60));
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
}
