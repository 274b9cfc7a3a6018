package app.statustracker.persistence;

import app.statustracker.domain.ViewerTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Records a batch of viewer receipts in one transaction with a handful of statements, whatever the batch size:
 * one query per session for its statuses and LID map, one JDBC batch of idempotent upserts, one read of the
 * touched statuses' viewer lists. This is what lets one session ingest ten thousand receipts a second.
 *
 * <p>The upsert keeps the earliest time of each column ({@link ViewerTimes}): {@code COALESCE(LEAST(old, new),
 * old, new)} is the same on PostgreSQL (LEAST skips NULLs) and H2 (where it may not).
 */
@ApplicationScoped
public class ViewerReceiptWriter {
    /* One statement for the whole batch: arrays unnested into rows, which PostgreSQL plans and runs once. */
    private static final String POSTGRES_UPSERT = "INSERT INTO status_viewers AS v (id, status_pk, viewer_jid, "
            + "phone_number, delivered_at, viewed_at, played_at) "
            + "SELECT nextval('st_id_seq'), t.status_pk, t.viewer_jid, t.phone_number, CAST(t.delivered_at AS TIMESTAMP), "
            + "CAST(t.viewed_at AS TIMESTAMP), CAST(t.played_at AS TIMESTAMP) "
            + "FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), "
            + "CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS t(status_pk, viewer_jid, phone_number, delivered_at, viewed_at, "
            + "played_at) "
            + "ON CONFLICT (status_pk, viewer_jid) DO UPDATE SET " + updates("EXCLUDED");
    private static final String H2_MERGE = "MERGE INTO status_viewers v USING (VALUES (CAST(? AS BIGINT), "
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(20)), CAST(? AS TIMESTAMP), "
            + "CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))) "
            + "AS s(id, status_pk, viewer_jid, phone_number, delivered_at, viewed_at, played_at) "
            + "ON v.status_pk = s.status_pk AND v.viewer_jid = s.viewer_jid "
            + "WHEN MATCHED THEN UPDATE SET " + updates("s") + " "
            + "WHEN NOT MATCHED THEN INSERT (id, status_pk, viewer_jid, phone_number, delivered_at, viewed_at, "
            + "played_at) VALUES (s.id, s.status_pk, s.viewer_jid, s.phone_number, s.delivered_at, s.viewed_at, "
            + "s.played_at)";

    @Inject
    DataSource dataSource;

    /** The SET list of the upsert: existing row {@code v}, incoming values under {@code incoming}. */
    private static String updates(String incoming) {
        StringBuilder sql = new StringBuilder("phone_number = COALESCE(v.phone_number, " + incoming + ".phone_number)");
        for (String column : new String[] {"delivered_at", "viewed_at", "played_at"}) {
            String fresh = incoming + "." + column;
            sql.append(", ").append(column).append(" = COALESCE(LEAST(v.").append(column).append(", ").append(fresh)
                    .append("), v.").append(column).append(", ").append(fresh).append(")");
        }
        return sql.toString();
    }

    /** One transaction for the whole batch; the caller acks the receipts only after this returns. */
    @Transactional
    public ReceiptBatchResult write(Map<String, List<ViewerReceipt>> bySession) {
        try (Connection c = dataSource.getConnection()) {
            return write(c, bySession);
        } catch (SQLException e) {
            throw new IllegalStateException("recording a batch of receipts failed", e);
        }
    }

    /** The batch on a connection whose transaction the caller owns. */
    static ReceiptBatchResult write(Connection c, Map<String, List<ViewerReceipt>> bySession) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        Map<String, Long> sessionPks = sessionPks(c, bySession.keySet());
        Set<String> unknownSessions = new HashSet<>(bySession.keySet());
        unknownSessions.removeAll(sessionPks.keySet());

        Map<String, Set<String>> unknownStatusIds = new HashMap<>();
        Map<Long, String[]> statusNames = new HashMap<>(); // status pk → {session id, status id}
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Long> session : sessionPks.entrySet()) {
            List<ViewerReceipt> receipts = bySession.get(session.getKey());
            long sessionPk = session.getValue();
            Map<String, Long> statusPks = statusPks(c, sessionPk,
                    receipts.stream().map(ViewerReceipt::statusId).toList());
            Map<String, String> pnByLid = LidMappingRepository.lookup(c, sessionPk, receipts.stream()
                    .filter(r -> r.phoneNumber() == null && r.lidUser() != null).map(ViewerReceipt::lidUser)
                    .toList(), "lid_user", "pn_user");
            Map<String, String> learned = new HashMap<>();
            for (ViewerReceipt r : receipts) {
                Long statusPk = statusPks.get(r.statusId());
                if (statusPk == null) {
                    unknownStatusIds.computeIfAbsent(session.getKey(), k -> new HashSet<>()).add(r.statusId());
                    continue;
                }
                if (r.viewerJid().length() > ViewerReceipt.MAX_JID) {
                    continue; // no real JID is this long; nothing to record
                }
                statusNames.put(statusPk, new String[] {session.getKey(), r.statusId()});
                String phone = r.phoneNumber() != null ? r.phoneNumber()
                        : r.lidUser() != null ? pnByLid.get(r.lidUser()) : null;
                if (r.lidUser() != null && r.phoneNumber() != null) {
                    learned.put(r.lidUser(), r.phoneNumber());
                }
                rows.add(new Row(statusPk, r.viewerJid(), phone, r.times()));
            }
            learned.entrySet().removeIf(e -> e.getKey().length() > 64 || e.getValue().length() > 32);
            if (!learned.isEmpty()) {
                LidMappingRepository.store(c, sessionPk, learned);
            }
        }
        fillPhonesFromRecipients(c, rows);
        upsert(c, dialect, merged(rows));
        return new ReceiptBatchResult(unknownSessions, unknownStatusIds, viewerLists(c, statusNames));
    }

    /** One row per (status, viewer): several receipts for the same viewer in one batch become one upsert. */
    private static List<Row> merged(List<Row> rows) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            byKey.merge(r.statusPk + "\u0000" + r.viewerJid, r, (a, b) -> new Row(a.statusPk, a.viewerJid,
                    a.phone != null ? a.phone : b.phone, a.times.merge(b.times)));
        }
        List<Row> list = new ArrayList<>(byKey.values());
        // a fixed order, so that two writers (a cluster, later) lock rows in the same order and never deadlock
        list.sort(Comparator.comparingLong(Row::statusPk).thenComparing(Row::viewerJid));
        return list;
    }

    /** A LID viewer whose number we do not know may be a recipient we addressed by that LID. */
    private static void fillPhonesFromRecipients(Connection c, List<Row> rows) throws SQLException {
        Set<Long> statuses = new HashSet<>();
        Set<String> jids = new HashSet<>();
        for (Row r : rows) {
            if (r.phone == null) {
                statuses.add(r.statusPk);
                jids.add(r.viewerJid);
            }
        }
        if (jids.isEmpty()) {
            return;
        }
        Map<String, String> phoneByKey = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT status_pk, jid, phone_number FROM status_recipients "
                + "WHERE status_pk = ANY (?) AND jid = ANY (?) AND phone_number IS NOT NULL")) {
            ps.setArray(1, c.createArrayOf("BIGINT", statuses.toArray()));
            ps.setArray(2, c.createArrayOf("VARCHAR", jids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    phoneByKey.put(rs.getLong(1) + "\u0000" + rs.getString(2), rs.getString(3));
                }
            }
        }
        rows.replaceAll(r -> r.phone != null ? r
                : new Row(r.statusPk, r.viewerJid, phoneByKey.get(r.statusPk + "\u0000" + r.viewerJid), r.times));
    }

    private static void upsert(Connection c, SqlDialect dialect, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == SqlDialect.POSTGRESQL) {
            upsertPostgres(c, rows);
            return;
        }
        List<Long> ids = nextIds(c, dialect, rows.size());
        try (PreparedStatement ps = c.prepareStatement(H2_MERGE)) {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                ps.setLong(1, ids.get(i));
                ps.setLong(2, r.statusPk);
                ps.setString(3, r.viewerJid);
                ps.setString(4, r.storablePhone());
                ps.setObject(5, utc(r.times.deliveredAt()));
                ps.setObject(6, utc(r.times.viewedAt()));
                ps.setObject(7, utc(r.times.playedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void upsertPostgres(Connection c, List<Row> rows) throws SQLException {
        int n = rows.size();
        Long[] statusPks = new Long[n];
        String[] jids = new String[n];
        String[] phones = new String[n];
        String[] delivered = new String[n];
        String[] viewed = new String[n];
        String[] played = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            statusPks[i] = r.statusPk;
            jids[i] = r.viewerJid;
            phones[i] = r.storablePhone();
            delivered[i] = text(r.times.deliveredAt());
            viewed[i] = text(r.times.viewedAt());
            played[i] = text(r.times.playedAt());
        }
        try (PreparedStatement ps = c.prepareStatement(POSTGRES_UPSERT)) {
            ps.setArray(1, c.createArrayOf("bigint", statusPks));
            ps.setArray(2, c.createArrayOf("text", jids));
            ps.setArray(3, c.createArrayOf("text", phones));
            ps.setArray(4, c.createArrayOf("text", delivered));
            ps.setArray(5, c.createArrayOf("text", viewed));
            ps.setArray(6, c.createArrayOf("text", played));
            ps.executeUpdate();
        }
    }

    /** A UTC time as PostgreSQL reads a timestamp literal (ISO-8601, no zone). */
    private static String text(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString();
    }

    /**
     * Ids from the application's sequence. EclipseLink, sharing it with allocation size 50, treats a value V as
     * the block V-49..V, so V alone is ours: one value per row, never an id JPA could also hand out.
     */
    private static List<Long> nextIds(Connection c, SqlDialect dialect, int n) throws SQLException {
        List<Long> ids = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement(dialect.nextIds(n)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Map<String, Long> sessionPks(Connection c, Set<String> sessionIds) throws SQLException {
        Map<String, Long> pks = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT session_id, id FROM sessions WHERE session_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", sessionIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pks.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return pks;
    }

    private static Map<String, Long> statusPks(Connection c, long sessionPk, List<String> statusIds)
            throws SQLException {
        Map<String, Long> pks = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT message_id, id FROM statuses WHERE session_pk = ? AND message_id = ANY (?)")) {
            ps.setLong(1, sessionPk);
            ps.setArray(2, c.createArrayOf("VARCHAR", new HashSet<>(statusIds).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pks.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return pks;
    }

    private static Map<String, Map<String, List<ViewerRow>>> viewerLists(Connection c, Map<Long, String[]> statuses)
            throws SQLException {
        Map<String, Map<String, List<ViewerRow>>> lists = new HashMap<>();
        if (statuses.isEmpty()) {
            return lists;
        }
        for (String[] name : statuses.values()) {
            lists.computeIfAbsent(name[0], k -> new HashMap<>()).put(name[1], new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT status_pk, phone_number, viewer_jid, delivered_at, "
                + "viewed_at, played_at FROM status_viewers WHERE status_pk = ANY (?) ORDER BY status_pk, id")) {
            ps.setArray(1, c.createArrayOf("BIGINT", statuses.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] name = statuses.get(rs.getLong(1));
                    lists.get(name[0]).get(name[1]).add(viewerRow(rs, 2));
                }
            }
        }
        lists.values().forEach(m -> m.values().forEach(l -> l.sort(ViewerOrder.INSTANCE)));
        return lists;
    }

    /** Reads phone_number, viewer_jid, delivered_at, viewed_at, played_at starting at column {@code first}. */
    static ViewerRow viewerRow(ResultSet rs, int first) throws SQLException {
        return new ViewerRow(rs.getString(first), rs.getString(first + 1), utc(rs, first + 2), utc(rs, first + 3),
                utc(rs, first + 4));
    }

    private static java.time.OffsetDateTime utc(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private record Row(long statusPk, String viewerJid, String phone, ViewerTimes times) {
        /** A phone number longer than the column cannot be real; the viewer is then recorded without one. */
        String storablePhone() {
            return phone != null && phone.length() <= 20 ? phone : null;
        }
    }
}
