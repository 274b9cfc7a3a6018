package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Stats and storage report what is in the database, and deleting a session removes every row that belongs to
 * it. Statuses and viewers are seeded with SQL, since posting arrives with a later issue.
 */
class SystemFiguresIT extends DeployedWar {
    @Test
    void statsStorageAndCascadingDelete() throws Exception {
        ApiClient api = newClient();
        assertEquals(201, api.post("/api/sessions",
                "{\"sessionId\":\"figures\",\"sessionName\":\"F\",\"authMethod\":\"qrcode\"}").status());
        assertEquals(201, api.post("/api/sessions",
                "{\"sessionId\":\"bystander\",\"sessionName\":\"B\",\"authMethod\":\"qrcode\"}").status());
        long pk;
        long otherStatus;
        try (Connection c = PostgresSchema.connect()) {
            SeededRows rows = new SeededRows(c);
            pk = rows.sessionPk("figures");
            long fresh = rows.status(pk, "3EB0FRESH", 1);
            long old = rows.status(pk, "3EB0OLD", 48);
            rows.viewer(fresh, "15550001111@s.whatsapp.net", 1);
            rows.viewer(fresh, "15550002222@s.whatsapp.net", null); // delivered only
            rows.viewer(old, "15550001111@s.whatsapp.net", 47);
            otherStatus = rows.status(rows.sessionPk("bystander"), "3EB0OTHER", 2);
            for (String table : new String[] {"signal_identities", "signal_sessions", "sender_keys"}) {
                c.createStatement().executeUpdate("INSERT INTO " + table + " (session_pk, record_key, data, updated_at) "
                        + "VALUES (" + pk + ", '15550001111.0', '\\x0102', CURRENT_TIMESTAMP)");
            }
            c.createStatement().executeUpdate("INSERT INTO lid_mappings (session_pk, lid_user, pn_user, updated_at) "
                    + "VALUES (" + pk + ", '100000000000001', '15550001111', CURRENT_TIMESTAMP)");
            c.createStatement().executeUpdate("INSERT INTO sender_key_holders (session_pk, group_id, device_jid, since) "
                    + "VALUES (" + pk + ", 'status@broadcast', '100000000000001:2@lid', CURRENT_TIMESTAMP)");
        }

        JsonObject stats = api.get("/api/stats").json().getJsonObject("data");
        assertEquals(3, stats.getJsonObject("statuses").getInt("total"));
        assertEquals(2, stats.getJsonObject("statuses").getInt("last24h"));
        assertEquals(2, stats.getJsonObject("viewers").getInt("total"), "delivery alone is not a view");
        assertEquals(1, stats.getJsonObject("viewers").getInt("last24h"));
        assertEquals(3, stats.getJsonObject("deliveries").getInt("total"));

        Reply storage = api.get("/api/storage");
        JsonObject figures = storage.json().getJsonObject("data").getJsonArray("sessions").stream()
                .map(v -> v.asJsonObject()).filter(o -> o.getString("sessionId").equals("figures"))
                .findFirst().orElseThrow();
        JsonObject tables = figures.getJsonObject("tables");
        JsonObject bystander = storage.json().getJsonObject("data").getJsonArray("sessions").stream()
                .map(v -> v.asJsonObject()).filter(o -> o.getString("sessionId").equals("bystander"))
                .findFirst().orElseThrow().getJsonObject("tables");
        assertTrue(tables.getJsonNumber("statuses").longValue() > bystander.getJsonNumber("statuses").longValue(),
                "two statuses take more room than one: " + storage.raw());
        assertTrue(tables.getJsonNumber("status_viewers").longValue() > 0, storage.raw());
        assertEquals(0, bystander.getJsonNumber("status_viewers").longValue(), storage.raw());
        long sum = tables.values().stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
        assertEquals(sum, figures.getJsonNumber("totalBytes").longValue());

        assertEquals(200, api.delete("/api/sessions/figures").status());
        try (Connection c = PostgresSchema.connect()) {
            SeededRows rows = new SeededRows(c);
            assertEquals(0, rows.count("SELECT COUNT(*) FROM statuses WHERE session_pk = ?", pk));
            assertEquals(0, rows.count("SELECT COUNT(*) FROM status_viewers v JOIN statuses s ON v.status_pk = s.id "
                    + "WHERE s.session_pk = ?", pk));
            assertEquals(0, rows.count("SELECT COUNT(*) FROM status_viewers WHERE status_pk NOT IN "
                    + "(SELECT id FROM statuses) AND ? > 0", pk), "no orphaned viewers");
            assertEquals(0, rows.count("SELECT COUNT(*) FROM status_recipients WHERE status_pk NOT IN "
                    + "(SELECT id FROM statuses) AND ? > 0", pk), "no orphaned recipients");
            assertEquals(1, rows.count("SELECT COUNT(*) FROM statuses WHERE id = ?", otherStatus),
                    "the other session keeps its status");
            for (String table : new String[] {"signal_identities", "signal_sessions", "sender_keys", "lid_mappings",
                    "sender_key_holders"}) {
                assertEquals(0, rows.count("SELECT COUNT(*) FROM " + table + " WHERE session_pk = ?", pk), table);
            }
        }
        assertEquals(0, api.get("/api/stats").json().getJsonObject("data").getJsonObject("viewers").getInt("total"));
    }
}
