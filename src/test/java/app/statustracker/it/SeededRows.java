package app.statustracker.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes statuses and viewers straight into the test schema, so that figures and cascades can be checked
 * before the posting code exists. Ids come from the application's own sequence.
 */
final class SeededRows {
    private final Connection c;

    SeededRows(Connection c) {
        this.c = c;
    }

    long sessionPk(String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sessions WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalStateException("no session " + sessionId);
            }
            return rs.getLong(1);
        }
    }

    long status(long sessionPk, String messageId, int hoursAgo) throws SQLException {
        long id = nextId();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO statuses (id, session_pk, message_id, type, content, "
                + "state, created_at) VALUES (?, ?, ?, 'text', 'seeded', 'sent', ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, sessionPk);
            ps.setString(3, messageId);
            ps.setTimestamp(4, utcHoursAgo(hoursAgo));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO status_recipients (id, status_pk, jid, phone_number) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, nextId());
            ps.setLong(2, id);
            ps.setString(3, "15550001111@s.whatsapp.net");
            ps.setString(4, "15550001111");
            ps.executeUpdate();
        }
        return id;
    }

    void viewer(long statusPk, String jid, Integer viewedHoursAgo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO status_viewers (id, status_pk, viewer_jid, "
                + "delivered_at, viewed_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, nextId());
            ps.setLong(2, statusPk);
            ps.setString(3, jid);
            ps.setTimestamp(4, utcHoursAgo(viewedHoursAgo == null ? 1 : viewedHoursAgo));
            ps.setTimestamp(5, viewedHoursAgo == null ? null : utcHoursAgo(viewedHoursAgo));
            ps.executeUpdate();
        }
    }

    long count(String sql, long pk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, pk);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private long nextId() throws SQLException {
        // far above the blocks EclipseLink takes from the same sequence during a test run, so ids never collide
        var rs = c.createStatement().executeQuery("SELECT nextval('st_id_seq')");
        rs.next();
        return rs.getLong(1) + 100_000_000L;
    }

    private static Timestamp utcHoursAgo(int hours) {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusHours(hours));
    }
}
