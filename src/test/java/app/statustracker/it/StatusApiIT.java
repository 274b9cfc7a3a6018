package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.WaSimulator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status routes through the deployed WAR: every bad send-status input refused in the envelope with nothing
 * stored, sent-statuses / status-viewers / delete-status on rows seeded in the database, the events they cause,
 * and the Signal-state tables going with their session.
 */
class StatusApiIT extends DeployedWar {
    private static final String LINKED_PHONE = "15551230077";

    ApiClient api;

    @BeforeEach
    void client() {
        api = newClient();
    }

    private EventsClient events() throws Exception {
        return EventsClient.connect(api.base().replace("http://", "ws://") + "/ws", "x-api-key", ApiClient.TEST_API_KEY)
                .get(10, TimeUnit.SECONDS);
    }

    private void createSession(String id) {
        Reply r = api.post("/api/sessions", "{\"sessionId\":\"" + id + "\",\"sessionName\":\"S\",\"authMethod\":\"qrcode\"}");
        assertEquals(201, r.status(), r.raw());
    }

    private static void assertRefused(Reply r, int status, String mentions) {
        assertEquals(status, r.status(), r.raw());
        assertFalse(r.json().getBoolean("success"), r.raw());
        assertTrue(r.error().contains(mentions), "'" + mentions + "' not in " + r.raw());
        assertFalse(r.json().containsKey("data"), r.raw());
    }

    @Test
    void everyBadSendStatusInputIsRefusedAndNothingIsStored() throws Exception {
        createSession("st_bad");
        long pk;
        try (Connection c = PostgresSchema.connect()) {
            pk = new SeededRows(c).sessionPk("st_bad");
        }
        String send = "/api/sessions/st_bad/send-status";
        assertRefused(api.post("/api/sessions/no_such/send-status", "{\"type\":\"text\",\"content\":\"hi\"}"), 404,
                "not found");
        String[][] bad = {
                {"{\"type\":\"text\",\"content\":\"\"}", "content"},
                {"{\"type\":\"text\",\"content\":\"  \\n \"}", "content"},
                {"{\"type\":\"text\"}", "content"},
                {"{\"type\":\"text\",\"content\":\"" + "x".repeat(701) + "\"}", "at most 700"},
                {"{\"content\":\"hi\"}", "type"},
                {"{\"type\":\"audio\",\"content\":\"hi\"}", "type"},
                {"{\"type\":\"image\",\"content\":\"pic.jpg\"}", "pic.jpg"},
                {"{\"type\":\"image\",\"content\":\"../uploads/1730000000-ab12.jpg\"}", "content"},
                {"{\"type\":\"video\",\"content\":\"http://example.com/v.mp4\"}", "https://"},
                {"{\"type\":\"image\",\"content\":\"a.jpg\",\"backgroundColor\":\"#000000\"}", "only for text"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"targetNumbers\":\"12ab\"}", "12ab"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"targetNumbers\":\"919812345678,123\"}", "'123'"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"backgroundColor\":\"red\"}", "backgroundColor"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"backgroundColor\":\"#12345\"}", "backgroundColor"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"textColor\":\"#GGGGGG\"}", "textColor"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"font\":3}", "font"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"font\":11}", "font"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"caption\":\"c\"}", "caption"},
                {"{\"type\":\"url\",\"content\":\"ftp://example.com/file\"}", "http"},
                {"{\"type\":\"url\",\"content\":\"javascript:alert(1)\"}", "http"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"colour\":\"#000000\"}", "colour"},
                {"{\"type\":\"text\",\"content\":42}", "JSON"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"targetNumbers\":[\"919812345678\"]}", "JSON"},
                {"", "empty"},
        };
        for (String[] b : bad) {
            Reply r = api.post(send, b[0]);
            assertRefused(r, 400, b[1]);
        }
        // well-formed, but the session has never been linked: 409, and still nothing stored or sent
        Reply notConnected = api.post(send, "{\"type\":\"text\",\"content\":\"Hello 😀\",\"targetNumbers\":\"919812345678\"}");
        assertRefused(notConnected, 409, "not connected");
        assertRefused(api.post(send, "{\"type\":\"url\",\"content\":\"https://example.com\"}"), 409, "not connected");
        assertRefused(api.post(send, "{\"type\":\"video\",\"content\":\"https://example.com/v.mp4\"}"), 409,
                "not connected");
        assertRefused(api.post(send, "{\"type\":\"image\",\"content\":\"1730000000-abcd1234.jpg\"}"), 404,
                "1730000000-abcd1234.jpg");

        try (Connection c = PostgresSchema.connect()) {
            assertEquals(0, new SeededRows(c).count("SELECT COUNT(*) FROM statuses WHERE session_pk = ?", pk));
        }
        Reply list = api.get("/api/sessions/st_bad/sent-statuses");
        assertEquals(200, list.status(), list.raw());
        assertEquals(0, list.json().getJsonArray("data").size());
        assertEquals(200, api.delete("/api/sessions/st_bad").status());
    }

    @Test
    void seededStatusesAreListedWithCountsTheirViewersShownAndDeletionRemovesThem() throws Exception {
        createSession("st_read");
        long pk;
        long newest;
        long older;
        long stale;
        try (Connection c = PostgresSchema.connect()) {
            SeededRows rows = new SeededRows(c);
            pk = rows.sessionPk("st_read");
            older = rows.status(pk, "3EB0OLDER", 3);
            newest = rows.status(pk, "3EB0NEWEST", 1);
            stale = rows.status(pk, "3EB0STALE", 30);
            rows.viewer(newest, "15550001111@s.whatsapp.net", 1);
            rows.viewer(newest, "15550002222@s.whatsapp.net", null); // delivered only
            playedViewer(c, newest, "100000000000009@lid", "15550003333");
            rows.viewer(older, "15550001111@s.whatsapp.net", 2);
        }

        Reply list = api.get("/api/sessions/st_read/sent-statuses");
        assertEquals(200, list.status(), list.raw());
        JsonArray data = list.json().getJsonArray("data");
        assertEquals(2, data.size(), "the 30-hour-old status is not in the last 24 hours: " + list.raw());
        JsonObject first = data.getJsonObject(0);
        assertEquals("3EB0NEWEST", first.getString("id"), "newest first");
        assertEquals("3EB0OLDER", data.getJsonObject(1).getString("id"));
        assertEquals("text", first.getString("type"));
        assertEquals("seeded", first.getString("content"));
        assertEquals(JsonValue.NULL, first.get("caption"));
        assertEquals("sent", first.getString("status"));
        assertNotNull(first.getString("createdAt"));
        assertEquals(1, first.getJsonArray("recipients").size());
        assertEquals("15550001111", first.getJsonArray("recipients").getString(0));
        assertEquals(3, first.getInt("deliveredCount"));
        assertEquals(2, first.getInt("viewedCount"));
        assertEquals(1, first.getInt("playedCount"));
        assertEquals(1, data.getJsonObject(1).getInt("viewedCount"));

        Reply viewers = api.get("/api/sessions/st_read/status-viewers/3EB0NEWEST");
        assertEquals(200, viewers.status(), viewers.raw());
        JsonObject v = viewers.json().getJsonObject("data");
        assertEquals("3EB0NEWEST", v.getString("statusId"));
        JsonArray list3 = v.getJsonArray("viewers");
        assertEquals(3, list3.size(), viewers.raw());
        JsonObject deliveredOnly = list3.getJsonObject(2);
        assertEquals("15550002222@s.whatsapp.net", deliveredOnly.getString("jid"), "viewers first, then deliveries");
        assertEquals(JsonValue.NULL, deliveredOnly.get("viewedAt"), "written out as null: " + viewers.raw());
        assertNotNull(deliveredOnly.getString("deliveredAt"));
        JsonObject played = list3.stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("jid").endsWith("@lid")).findFirst().orElseThrow();
        assertEquals("15550003333", played.getString("phoneNumber"));
        assertNotNull(played.getString("playedAt"));
        assertEquals(200, api.get("/api/sessions/st_read/status-viewers/3EB0STALE").status(),
                "older statuses keep their viewers until deleted");

        assertRefused(api.get("/api/sessions/st_read/status-viewers/NOPE"), 404, "not found");
        assertRefused(api.delete("/api/sessions/st_read/delete-status/NOPE"), 404, "not found");
        assertRefused(api.get("/api/sessions/no_such/sent-statuses"), 404, "not found");
        assertRefused(api.get("/api/sessions/no_such/status-viewers/3EB0NEWEST"), 404, "not found");
        assertRefused(api.delete("/api/sessions/st_read/delete-status/3EB0NEWEST?revoke=maybe"), 400, "revoke");
        assertRefused(api.delete("/api/sessions/st_read/delete-status/3EB0NEWEST?revoke=true"), 409, "not connected");
        try (Connection c = PostgresSchema.connect()) {
            assertEquals(1, new SeededRows(c).count("SELECT COUNT(*) FROM statuses WHERE id = ?", newest),
                    "a refused revoke deletes nothing");
        }

        try (EventsClient events = events()) {
            Reply deleted = api.delete("/api/sessions/st_read/delete-status/3EB0NEWEST");
            assertEquals(200, deleted.status(), deleted.raw());
            JsonObject d = deleted.json().getJsonObject("data");
            assertEquals("3EB0NEWEST", d.getString("statusId"));
            assertTrue(d.getBoolean("deleted"));
            assertFalse(d.getBoolean("revoked"));
            assertTrue(d.getString("note").contains("removes only local tracking data"), deleted.raw());
            JsonObject event = events.await("status-deleted", e -> e.getString("sessionId").equals("st_read"), 10_000);
            assertEquals("3EB0NEWEST", event.getString("statusId"));
            events.await("statuses-updated", e -> e.getString("sessionId").equals("st_read"), 10_000);
        }
        try (Connection c = PostgresSchema.connect()) {
            SeededRows rows = new SeededRows(c);
            assertEquals(0, rows.count("SELECT COUNT(*) FROM statuses WHERE id = ?", newest));
            assertEquals(0, rows.count("SELECT COUNT(*) FROM status_viewers WHERE status_pk = ?", newest));
            assertEquals(0, rows.count("SELECT COUNT(*) FROM status_recipients WHERE status_pk = ?", newest));
            assertEquals(2, rows.count("SELECT COUNT(*) FROM statuses WHERE session_pk = ?", pk), "the others stay");
            assertEquals(1, rows.count("SELECT COUNT(*) FROM status_viewers WHERE status_pk = ?", older));
        }
        assertRefused(api.delete("/api/sessions/st_read/delete-status/3EB0NEWEST"), 404, "not found");
        assertEquals(1, api.get("/api/sessions/st_read/sent-statuses").json().getJsonArray("data").size());
        assertEquals(200, api.delete("/api/sessions/st_read").status());
        try (Connection c = PostgresSchema.connect()) {
            assertEquals(0, new SeededRows(c).count("SELECT COUNT(*) FROM statuses WHERE id = ?", stale));
        }
    }

    @Test
    void signalStateCountsInStorageAndGoesWithItsSession() throws Exception {
        createSession("st_keys");
        long pk;
        try (Connection c = PostgresSchema.connect()) {
            pk = new SeededRows(c).sessionPk("st_keys");
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            for (String table : new String[] {"signal_identities", "signal_sessions", "sender_keys"}) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                        + " (session_pk, record_key, data, updated_at) VALUES (?, '15550001111.0', ?, ?)")) {
                    ps.setLong(1, pk);
                    ps.setBytes(2, new byte[64]);
                    ps.setTimestamp(3, Timestamp.valueOf(now));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lid_mappings (session_pk, lid_user, pn_user, "
                    + "updated_at) VALUES (?, '100000000000001', '15550001111', ?)")) {
                ps.setLong(1, pk);
                ps.setTimestamp(2, Timestamp.valueOf(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sender_key_holders (session_pk, group_id, "
                    + "device_jid, since) VALUES (?, 'status@broadcast', '100000000000001:2@lid', ?)")) {
                ps.setLong(1, pk);
                ps.setTimestamp(2, Timestamp.valueOf(now));
                ps.executeUpdate();
            }
        }
        Reply storage = api.get("/api/storage");
        assertEquals(200, storage.status(), storage.raw());
        JsonObject tables = storage.json().getJsonObject("data").getJsonArray("sessions").stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getString("sessionId").equals("st_keys")).findFirst()
                .orElseThrow().getJsonObject("tables");
        for (String table : new String[] {"signal_identities", "signal_sessions", "sender_keys", "lid_mappings",
                "sender_key_holders"}) {
            assertTrue(tables.getJsonNumber(table).longValue() > 0, table + ": " + storage.raw());
        }
        assertEquals(200, api.delete("/api/sessions/st_keys").status());
        try (Connection c = PostgresSchema.connect()) {
            SeededRows rows = new SeededRows(c);
            for (String table : new String[] {"signal_identities", "signal_sessions", "sender_keys", "lid_mappings",
                    "sender_key_holders"}) {
                assertEquals(0, rows.count("SELECT COUNT(*) FROM " + table + " WHERE session_pk = ?", pk), table);
            }
        }
    }

    /**
     * A linked session: the post is stored before it goes out and ends sent after the server's ack; when WhatsApp
     * refuses it (ack error 479), the API answers 502 and the status is kept as failed with that reason.
     */
    @Test
    void aPostOnALinkedSessionEndsSentOrFailedWithItsReason() throws Exception {
        WaSimulator sim = ItSimulator.get();
        sim.createAccount(LINKED_PHONE);
        createSession("st_live");
        JsonObject waiting = SessionStatus.await(api, "st_live", s -> s.containsKey("qrCode"), Duration.ofSeconds(30));
        sim.scanQr(LINKED_PHONE, QrCodes.decode(waiting.getString("qrCode")));
        SessionStatus.await(api, "st_live", s -> s.getBoolean("connected"), Duration.ofSeconds(30));
        long pk;
        try (Connection c = PostgresSchema.connect()) {
            pk = new SeededRows(c).sessionPk("st_live");
        }

        try (EventsClient events = events()) {
            Reply r = api.post("/api/sessions/st_live/send-status",
                    "{\"type\":\"text\",\"content\":\"Hello ✓ 😀\",\"backgroundColor\":\"#1E6E4F\",\"font\":2}");
            assertEquals(200, r.status(), r.raw());
            JsonObject data = r.json().getJsonObject("data");
            String messageId = data.getString("id");
            assertEquals("sent", data.getString("status"));
            assertEquals(LINKED_PHONE, data.getJsonArray("recipients").getString(0), "empty = own number");
            assertEquals(java.util.List.of("sent", "Hello ✓ 😀"), row(pk, messageId));
            assertEquals(messageId, sim.relayedMessage(messageId).id(), "WhatsApp got it under the same id");
            events.await("status-sent", e -> e.getString("id").equals(messageId), 10_000);
            events.await("statuses-updated", e -> e.getString("sessionId").equals("st_live"), 10_000);

            sim.faultMessageAcks(LINKED_PHONE, app.statustracker.simulator.relay.AckFault.error("479"), 1);
            Reply refused = api.post("/api/sessions/st_live/send-status", "{\"type\":\"text\",\"content\":\"no\"}");
            assertRefused(refused, 502, "WhatsApp did not accept the status");
            JsonObject listed = api.get("/api/sessions/st_live/sent-statuses").json().getJsonArray("data")
                    .getJsonObject(0);
            assertEquals("failed", listed.getString("status"));
            assertTrue(listed.getString("failureReason").contains("479"), listed.toString());
            assertTrue(refused.error().endsWith(listed.getString("failureReason")), refused.raw());
        }
        assertEquals(200, api.delete("/api/sessions/st_live").status());
    }

    /** The stored state and content of one status. */
    private static java.util.List<String> row(long sessionPk, String messageId) throws Exception {
        try (Connection c = PostgresSchema.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT state, content FROM statuses WHERE session_pk = ? AND message_id = ?")) {
            ps.setLong(1, sessionPk);
            ps.setString(2, messageId);
            var rs = ps.executeQuery();
            assertTrue(rs.next(), "no row for " + messageId);
            return java.util.List.of(rs.getString(1), rs.getString(2));
        }
    }

    private static void playedViewer(Connection c, long statusPk, String jid, String phone) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO status_viewers (id, status_pk, viewer_jid, "
                + "phone_number, delivered_at, viewed_at, played_at) VALUES ((SELECT nextval('st_id_seq')) + 200000000, "
                + "?, ?, ?, ?, ?, ?)")) {
            Timestamp t = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(30));
            ps.setLong(1, statusPk);
            ps.setString(2, jid);
            ps.setString(3, phone);
            ps.setTimestamp(4, t);
            ps.setTimestamp(5, t);
            ps.setTimestamp(6, t);
            ps.executeUpdate();
        }
    }
}
