package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.WaSimulator;
import jakarta.json.JsonObject;
import java.time.Duration;

/** Creates a QR session through the REST API and links it as the simulated phone of {@code phone} would. */
final class QrLinking {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private QrLinking() {
    }

    /** @return the companion device number the session got, once it is connected and online in the simulator */
    static int link(ApiClient api, WaSimulator sim, String sessionId, String phone) throws Exception {
        sim.createAccount(phone);
        Reply created = api.post("/api/sessions",
                "{\"sessionId\":\"" + sessionId + "\",\"sessionName\":\"S\",\"authMethod\":\"qrcode\"}");
        assertEquals(201, created.status(), created.raw());
        JsonObject waiting = SessionStatus.await(api, sessionId, s -> s.containsKey("qrCode"), WAIT);
        sim.scanQr(phone, QrCodes.decode(waiting.getString("qrCode")));
        return SessionStatus.device(SessionStatus.await(api, sessionId, s -> s.getBoolean("connected")
                && sim.onlineConnection(phone, SessionStatus.device(s)).isPresent(), WAIT));
    }
}
