package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's HTTP contract on the deployed WAR: authentication, the envelope on every status, system routes. */
class ApiContractIT extends DeployedWar {
    ApiClient api;

    @BeforeEach
    void client() {
        api = newClient();
    }

    @Test
    void missingKeyIs401InTheEnvelope() {
        Reply r = api.send("GET", "/api/health", null);
        assertEquals(401, r.status());
        assertFalse(r.json().getBoolean("success"));
        assertTrue(r.error().contains("API key"), r.raw());
        assertFalse(r.json().containsKey("data"));
    }

    @Test
    void wrongKeyIs401WithEitherHeader() {
        assertEquals(401, api.send("GET", "/api/health", null, "x-api-key", "wrong-key-wrong-key").status());
        assertEquals(401, api.send("GET", "/api/health", null, "Authorization", "Bearer wrong-key-wrong").status());
        assertEquals(401, api.send("GET", "/api/health", null, "Authorization", "Basic " + ApiClient.TEST_API_KEY).status());
        // a prefix of the right key is still wrong
        assertEquals(401, api.send("GET", "/api/health", null, "x-api-key", ApiClient.TEST_API_KEY.substring(0, 10)).status());
    }

    @Test
    void rightKeyWorksWithEitherHeader() {
        Reply viaHeader = api.send("GET", "/api/health", null, "x-api-key", ApiClient.TEST_API_KEY);
        Reply viaBearer = api.send("GET", "/api/health", null, "Authorization", "Bearer " + ApiClient.TEST_API_KEY);
        assertEquals(200, viaHeader.status(), viaHeader.raw());
        assertEquals(200, viaBearer.status(), viaBearer.raw());
        JsonObject data = viaHeader.json().getJsonObject("data");
        assertTrue(viaHeader.json().getBoolean("success"));
        assertEquals("ok", data.getString("status"));
        assertEquals("postgresql", data.getString("database"));
        assertNotNull(viaHeader.header("RateLimit-Limit"));
        assertNotNull(viaHeader.header("RateLimit-Remaining"));
    }

    @Test
    void optionsWithoutTheKeyIsAnsweredOnlyForAPreflightFromAnAllowedOrigin() {
        Reply plain = api.send("OPTIONS", "/api/sessions", null);
        assertEquals(401, plain.status(), plain.raw());
        assertFalse(plain.json().getBoolean("success"));
        Reply foreign = api.send("OPTIONS", "/api/sessions", null, "Origin", "https://elsewhere.example.test",
                "Access-Control-Request-Method", "POST");
        assertEquals(401, foreign.status(), foreign.raw());
        assertNull(foreign.header("Access-Control-Allow-Origin"));
        Reply preflight = api.send("OPTIONS", "/api/sessions", null, "Origin", "https://dashboard.example.test",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-api-key");
        assertEquals(204, preflight.status(), preflight.raw());
        assertEquals("https://dashboard.example.test", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("x-api-key"));
    }

    @Test
    void unknownRouteIs404InTheEnvelope() {
        Reply r = api.get("/api/no-such-route");
        assertEquals(404, r.status());
        assertFalse(r.json().getBoolean("success"));
        assertTrue(r.error().startsWith("Not found"), r.raw());
        assertEquals(401, api.send("GET", "/api/no-such-route", null).status(), "no key, no information");
    }

    @Test
    void wrongMethodIs405InTheEnvelope() {
        Reply r = api.send("PATCH", "/api/health", "{}", "x-api-key", ApiClient.TEST_API_KEY,
                "Content-Type", "application/json");
        assertEquals(405, r.status());
        assertEquals("Method not allowed", r.error());
    }

    @Test
    void wrongMediaTypeIs415InTheEnvelope() {
        Reply r = api.send("POST", "/api/sessions", "sessionId=a", "x-api-key", ApiClient.TEST_API_KEY,
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, r.status());
        assertFalse(r.json().getBoolean("success"));
    }

    @Test
    void malformedJsonIs400AndStoresNothing() {
        int before = sessionCount();
        Reply r = api.post("/api/sessions", "{\"sessionId\": \"bad1\", ");
        assertEquals(400, r.status(), r.raw());
        assertTrue(r.error().contains("JSON"), r.raw());
        assertEquals(before, sessionCount());
    }

    @Test
    void unknownFieldsAndWrongTypesAre400() {
        int before = sessionCount();
        Reply unknown = api.post("/api/sessions",
                "{\"sessionId\":\"u1\",\"sessionName\":\"U\",\"authMethod\":\"qrcode\",\"sesionName\":\"typo\"}");
        assertEquals(400, unknown.status(), unknown.raw());
        Reply wrongType = api.post("/api/sessions", "{\"sessionId\":[1,2],\"sessionName\":\"U\",\"authMethod\":\"qrcode\"}");
        assertEquals(400, wrongType.status(), wrongType.raw());
        Reply notAnObject = api.post("/api/sessions", "[]");
        assertEquals(400, notAnObject.status(), notAnObject.raw());
        assertEquals(before, sessionCount());
    }

    @Test
    void validationErrorsName400TheField() {
        Reply badId = api.post("/api/sessions", "{\"sessionId\":\"has space\",\"sessionName\":\"X\",\"authMethod\":\"qrcode\"}");
        assertEquals(400, badId.status());
        assertTrue(badId.error().contains("sessionId"), badId.raw());
        Reply longId = api.post("/api/sessions", "{\"sessionId\":\"" + "a".repeat(65) + "\",\"sessionName\":\"X\",\"authMethod\":\"qrcode\"}");
        assertEquals(400, longId.status());
        Reply badMethod = api.post("/api/sessions", "{\"sessionId\":\"m1\",\"sessionName\":\"X\",\"authMethod\":\"sms\"}");
        assertEquals(400, badMethod.status());
        assertTrue(badMethod.error().contains("authMethod"), badMethod.raw());
        Reply noPhone = api.post("/api/sessions", "{\"sessionId\":\"p1\",\"sessionName\":\"X\",\"authMethod\":\"pairing\"}");
        assertEquals(400, noPhone.status());
        assertTrue(noPhone.error().contains("phoneNumber"), noPhone.raw());
        Reply badPhone = api.post("/api/sessions", "{\"sessionId\":\"p2\",\"sessionName\":\"X\",\"phoneNumber\":\"12ab\"}");
        assertEquals(400, badPhone.status());
        Reply noBody = api.post("/api/sessions", "");
        assertEquals(400, noBody.status(), noBody.raw());
    }

    @Test
    void oversizedBodyIs413AndStoresNothing() {
        int before = sessionCount();
        String huge = "{\"sessionId\":\"big\",\"sessionName\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"authMethod\":\"qrcode\"}";
        // as curl does for large bodies: announce the length and wait for the server's go-ahead
        Reply r = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/sessions"))
                .expectContinue(true)
                .header("x-api-key", ApiClient.TEST_API_KEY).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge)).build());
        assertEquals(413, r.status(), r.raw().length() > 300 ? r.raw().substring(0, 300) : r.raw());
        assertFalse(r.json().getBoolean("success"));
        assertEquals(before, sessionCount());
    }

    @Test
    void sessionCreateListDeleteAndDuplicate() {
        Reply created = api.post("/api/sessions",
                "{\"sessionId\":\"acc_1\",\"sessionName\":\"My Account\",\"authMethod\":\"pairing\",\"phoneNumber\":\"+91 98123-45678\"}");
        assertEquals(201, created.status(), created.raw());
        JsonObject data = created.json().getJsonObject("data");
        assertEquals("acc_1", data.getString("sessionId"));
        assertEquals("919812345678", data.getString("phoneNumber"));
        assertEquals("pairing", data.getString("authMethod"));
        assertNotNull(data.getString("status"));

        Reply duplicate = api.post("/api/sessions", "{\"sessionId\":\"acc_1\",\"sessionName\":\"Again\",\"authMethod\":\"qrcode\"}");
        assertEquals(409, duplicate.status(), duplicate.raw());

        assertTrue(api.get("/api/sessions").raw().contains("\"acc_1\""));
        Reply storage = api.get("/api/storage");
        assertEquals(200, storage.status());
        JsonObject first = storage.json().getJsonObject("data").getJsonArray("sessions").stream()
                .map(v -> v.asJsonObject()).filter(o -> o.getString("sessionId").equals("acc_1")).findFirst().orElseThrow();
        assertTrue(first.getJsonObject("tables").getJsonNumber("sessions").longValue() > 0, storage.raw());

        assertEquals(200, api.delete("/api/sessions/acc_1").status());
        assertEquals(404, api.delete("/api/sessions/acc_1").status());
        assertFalse(api.get("/api/sessions").raw().contains("\"acc_1\""));
    }

    @Test
    void statsCountSessionsByState() {
        api.post("/api/sessions", "{\"sessionId\":\"stats_1\",\"sessionName\":\"S\",\"authMethod\":\"qrcode\"}");
        JsonObject stats = api.get("/api/stats").json().getJsonObject("data");
        JsonObject sessions = stats.getJsonObject("sessions");
        long byStateSum = sessions.getJsonObject("byState").values().stream()
                .mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
        assertEquals(sessions.getJsonNumber("total").longValue(), byStateSum);
        assertTrue(sessions.getJsonNumber("total").longValue() >= 1);
        assertNotNull(stats.getJsonObject("statuses").getJsonNumber("last24h"));
        api.delete("/api/sessions/stats_1");
    }

    @Test
    void healthAndOpenApiNeedNoKey() {
        Reply health = api.send("GET", "/health/ready", null);
        assertEquals(200, health.status(), health.raw());
        assertTrue(health.raw().contains("database"));
        Reply openapi = api.send("GET", "/openapi", null);
        assertEquals(200, openapi.status());
        for (String path : new String[] {"/api/health", "/api/stats", "/api/storage", "/api/sessions"}) {
            assertTrue(openapi.raw().contains(path + ":"), "OpenAPI lacks " + path);
        }
        assertTrue(openapi.raw().contains("x-api-key"));
        assertTrue(openapi.raw().contains("bearer"));
    }

    @Test
    void eventsSocketNeedsTheKeyAndCarriesSessionEvents() throws Exception {
        String ws = api.base().replace("http://", "ws://") + "/ws";
        var refused = EventsClient.connect(ws, "x-api-key", "wrong-key-wrong-key");
        var failure = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> refused.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof java.net.http.WebSocketHandshakeException, String.valueOf(failure));
        assertEquals(401, ((java.net.http.WebSocketHandshakeException) failure.getCause()).getResponse().statusCode());
        try (EventsClient byHeader = EventsClient.connect(ws, "x-api-key", ApiClient.TEST_API_KEY).get(10,
                java.util.concurrent.TimeUnit.SECONDS);
             EventsClient byQuery = EventsClient.connect(ws + "?apiKey=" + ApiClient.TEST_API_KEY).get(10,
                     java.util.concurrent.TimeUnit.SECONDS)) {
            assertEquals(201, api.post("/api/sessions",
                    "{\"sessionId\":\"evt_1\",\"sessionName\":\"E\",\"authMethod\":\"qrcode\"}").status());
            JsonObject created = byHeader.await("session-created", d -> d.getString("sessionId").equals("evt_1"), 10_000);
            assertEquals("qrcode", created.getString("authMethod"));
            byQuery.await("session-created", d -> d.getString("sessionId").equals("evt_1"), 10_000);
            assertEquals(400, api.post("/api/sessions", "{\"sessionId\":\"evt_1\"}").status());
            assertEquals(200, api.delete("/api/sessions/evt_1").status());
            byHeader.await("session-deleted", d -> d.getString("sessionId").equals("evt_1"), 10_000);
        }
    }

    @Test
    void hugeHeadersAreRefusedWith4xx() {
        Reply r = api.send("GET", "/api/health", null, "x-api-key", ApiClient.TEST_API_KEY, "X-Padding", "a".repeat(40_000));
        assertTrue(r.status() >= 400 && r.status() < 500, "status " + r.status());
    }

    @Test
    void internalDetailsNeverReachClients() {
        Reply r = api.post("/api/sessions", "{\"sessionId\":\"x\",\"sessionName\":" + "[".repeat(5000) + "}");
        assertEquals(400, r.status());
        assertFalse(r.raw().contains("Exception"), r.raw());
        assertFalse(r.raw().contains("\tat "), r.raw());
        assertNull(r.header("X-Powered-By"));
    }

    @Test
    void migrationsRanOnTheFreshPostgresSchema() throws Exception {
        var versions = new java.util.ArrayList<String>();
        try (var c = PostgresSchema.connect();
             var rs = c.createStatement().executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
                assertTrue(rs.getBoolean(2), "migration " + rs.getString(1) + " failed");
            }
        }
        assertTrue(versions.containsAll(java.util.List.of("1", "2", "3", "4")), versions + " in " + PostgresSchema.name());
        try (var c = PostgresSchema.connect();
             var rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() ORDER BY table_name")) {
            var tables = new java.util.ArrayList<String>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertTrue(tables.containsAll(java.util.List.of("sessions", "statuses", "status_recipients",
                    "status_viewers", "media_files", "device_credentials", "pre_keys", "signal_identities",
                    "signal_sessions", "sender_keys", "lid_mappings", "sender_key_holders", "sent_status_payloads")),
                    tables.toString());
        }
    }

    private int sessionCount() {
        return api.get("/api/sessions").json().getJsonArray("data").size();
    }
}
