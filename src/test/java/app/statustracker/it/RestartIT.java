package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A linked session survives the server being killed: after a restart it logs in again with its stored keys,
 * shows connected, and asks for no new QR code.
 */
class RestartIT {
    private static final String PHONE = "15551230077";

    @Test
    void linkedSessionComesBackAfterKill9() throws Exception {
        WaSimulator sim = ItSimulator.get();
        sim.createAccount(PHONE);
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "it-restart-" + System.nanoTime());
        try (ServerProcess server = new ServerProcess(data)) {
            ApiClient api = server.start(Duration.ofSeconds(180));
            assertEquals(201, api.post("/api/sessions",
                    "{\"sessionId\":\"restart1\",\"sessionName\":\"R\",\"authMethod\":\"qrcode\"}").status());
            JsonObject waiting = SessionStatus.await(api, "restart1", s -> s.containsKey("qrCode"), Duration.ofSeconds(30));
            sim.scanQr(PHONE, QrCodes.decode(waiting.getString("qrCode")));
            JsonObject linked = SessionStatus.await(api, "restart1", s -> s.getBoolean("connected"), Duration.ofSeconds(30));
            int device = SessionStatus.device(linked);
            String before = sim.onlineConnection(PHONE, device).orElseThrow().id();

            server.kill();
            api = server.start(Duration.ofSeconds(180));
            JsonObject back = SessionStatus.await(api, "restart1", s -> s.getBoolean("connected"), Duration.ofSeconds(60));
            assertEquals(PHONE, back.getString("ownNumber"));
            assertFalse(back.containsKey("qrCode"));
            SimConnection after = sim.onlineConnection(PHONE, device).orElseThrow();
            assertTrue(!after.id().equals(before), "logged in on a new connection");
            assertEquals(1, sim.account(PHONE).devices().size(), "same device, no new link");
            assertEquals(200, api.delete("/api/sessions/restart1").status());
        }
    }
}
