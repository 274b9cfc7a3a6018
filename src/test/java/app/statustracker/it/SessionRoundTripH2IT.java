package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The embedded default: migrations on an H2 file database under DATA_DIR, and a create/read/delete round trip. */
class SessionRoundTripH2IT extends DeployedWar {
    @Test
    void migratesH2AndRoundTripsASession() {
        ApiClient api = newClient();
        Reply health = api.get("/api/health");
        assertEquals(200, health.status(), health.raw());
        assertEquals("h2", health.json().getJsonObject("data").getString("database"));
        Path dataDir = Path.of(System.getenv("DATA_DIR"));
        assertTrue(Files.exists(dataDir.resolve("db").resolve("status-tracker.mv.db")), "H2 file under DATA_DIR");

        Reply created = api.post("/api/sessions", "{\"sessionId\":\"h2-one\",\"sessionName\":\"H2\",\"authMethod\":\"qrcode\"}");
        assertEquals(201, created.status(), created.raw());
        assertTrue(api.get("/api/sessions").raw().contains("\"h2-one\""));
        Reply storage = api.get("/api/storage");
        assertEquals(200, storage.status(), storage.raw());
        assertTrue(storage.raw().contains("\"h2-one\""));
        assertEquals(1, api.get("/api/stats").json().getJsonObject("data").getJsonObject("sessions")
                .getJsonNumber("total").intValue());
        assertEquals(200, api.delete("/api/sessions/h2-one").status());
        assertFalse(api.get("/api/sessions").raw().contains("\"h2-one\""));
    }
}
