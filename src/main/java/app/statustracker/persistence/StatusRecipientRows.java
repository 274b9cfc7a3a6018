package app.statustracker.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Inserts the audience of a sent status into {@code status_recipients} in one round trip. Plain JDBC rather than a
 * persisted entity per row: for an audience of hundreds the persistence context's per-object bookkeeping cost more
 * than the post itself (measured in bench/README.md, media-post.sh).
 */
final class StatusRecipientRows {
    /* PostgreSQL plans one statement over the unnested arrays; H2 runs a batch of prepared inserts in process. */
    private static final String POSTGRES_INSERT = "INSERT INTO status_recipients (id, status_pk, jid, phone_number) "
            + "SELECT nextval('st_id_seq'), ?, t.jid, t.phone_number "
            + "FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS t(jid, phone_number)";
    private static final String H2_INSERT = "INSERT INTO status_recipients (id, status_pk, jid, phone_number) "
            + "VALUES (NEXT VALUE FOR st_id_seq, ?, ?, ?)";

    private StatusRecipientRows() {
    }

    /** @param recipients distinct by JID (the table is unique per status and JID) */
    static void insert(Connection c, long statusPk, Collection<StatusRepository.Recipient> recipients)
            throws SQLException {
        if (recipients.isEmpty()) {
            return;
        }
        if (SqlDialect.of(c) == SqlDialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(POSTGRES_INSERT)) {
                ps.setLong(1, statusPk);
                ps.setArray(2, c.createArrayOf("text",
                        recipients.stream().map(StatusRepository.Recipient::jid).toArray()));
                ps.setArray(3, c.createArrayOf("text",
                        recipients.stream().map(StatusRepository.Recipient::phoneNumber).toArray()));
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(H2_INSERT)) {
            for (StatusRepository.Recipient r : recipients) {
                ps.setLong(1, statusPk);
                ps.setString(2, r.jid());
                ps.setString(3, r.phoneNumber());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
