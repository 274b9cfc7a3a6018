package app.statustracker.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Which phone-number user each LID user of a session's contacts is (user parts only, no server or device).
 * WhatsApp addresses statuses and receipts LID-first (docs/protocol.md, Status stanza and Receipts); the API shows
 * phone numbers.
 */
@ApplicationScoped
public class LidMappingRepository {
    @Inject
    DataSource dataSource;

    protected LidMappingRepository() {
    }

    public LidMappingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records (or corrects) mappings {@code lid user → pn user} in one batch. */
    @Transactional
    public void store(long sessionPk, Map<String, String> pnByLid) {
        if (pnByLid.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            store(c, sessionPk, pnByLid);
        } catch (SQLException e) {
            throw new IllegalStateException("storing LID mappings failed", e);
        }
    }

    /** Phone-number users by LID user, for those LIDs we know. One query. */
    @Transactional
    public Map<String, String> pnByLid(long sessionPk, Collection<String> lidUsers) {
        return lookup(sessionPk, lidUsers, "lid_user", "pn_user");
    }

    /** LID users by phone-number user, for those numbers we know. One query. */
    @Transactional
    public Map<String, String> lidByPn(long sessionPk, Collection<String> pnUsers) {
        return lookup(sessionPk, pnUsers, "pn_user", "lid_user");
    }

    private Map<String, String> lookup(long sessionPk, Collection<String> keys, String from, String to) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return lookup(c, sessionPk, keys, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("reading LID mappings failed", e);
        }
    }

    static Map<String, String> lookup(Connection c, long sessionPk, Collection<String> keys, String from, String to)
            throws SQLException {
        Map<String, String> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + from + ", " + to
                + " FROM lid_mappings WHERE session_pk = ? AND " + from + " = ANY (?)")) {
            ps.setLong(1, sessionPk);
            ps.setArray(2, c.createArrayOf("VARCHAR", new LinkedHashSet<>(keys).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return found;
    }

    static void store(Connection c, long sessionPk, Map<String, String> pnByLid) throws SQLException {
        String sql = SqlDialect.of(c) == SqlDialect.POSTGRESQL
                ? "INSERT INTO lid_mappings (session_pk, lid_user, pn_user, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (session_pk, lid_user) DO UPDATE SET pn_user = EXCLUDED.pn_user, "
                        + "updated_at = EXCLUDED.updated_at"
                : "MERGE INTO lid_mappings (session_pk, lid_user, pn_user, updated_at) KEY (session_pk, lid_user) "
                        + "VALUES (?, ?, ?, ?)";
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, String> m : new java.util.TreeMap<>(pnByLid).entrySet()) {
                ps.setLong(1, sessionPk);
                ps.setString(2, m.getKey());
                ps.setString(3, m.getValue());
                ps.setObject(4, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
