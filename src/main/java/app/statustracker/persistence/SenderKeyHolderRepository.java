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
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The devices (full device JIDs) that hold our current sender key for a chat, {@code status@broadcast} for
 * statuses: only the others need a sender-key distribution message with the next post
 * (docs/protocol.md, Status stanza).
 */
@ApplicationScoped
public class SenderKeyHolderRepository {
    @Inject
    DataSource dataSource;

    protected SenderKeyHolderRepository() {
    }

    public SenderKeyHolderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public Set<String> holders(long sessionPk, String groupId) {
        Set<String> devices = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT device_jid FROM sender_key_holders WHERE session_pk = ? AND group_id = ?")) {
            ps.setLong(1, sessionPk);
            ps.setString(2, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    devices.add(rs.getString(1));
                }
            }
            return devices;
        } catch (SQLException e) {
            throw new IllegalStateException("reading sender-key holders failed", e);
        }
    }

    /** Records that these devices received the current key (after the server acked the message carrying it). */
    @Transactional
    public void add(long sessionPk, String groupId, Collection<String> deviceJids) {
        if (deviceJids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String sql = SqlDialect.of(c) == SqlDialect.POSTGRESQL
                    ? "INSERT INTO sender_key_holders (session_pk, group_id, device_jid, since) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (session_pk, group_id, device_jid) DO NOTHING"
                    : "MERGE INTO sender_key_holders (session_pk, group_id, device_jid, since) "
                            + "KEY (session_pk, group_id, device_jid) VALUES (?, ?, ?, ?)";
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (String device : new TreeSet<>(deviceJids)) {
                    ps.setLong(1, sessionPk);
                    ps.setString(2, groupId);
                    ps.setString(3, device);
                    ps.setObject(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing sender-key holders failed", e);
        }
    }

    /** The key was rotated: nobody holds the new one yet. @return how many holders were forgotten */
    @Transactional
    public int clear(long sessionPk, String groupId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sender_key_holders WHERE session_pk = ? AND group_id = ?")) {
            ps.setLong(1, sessionPk);
            ps.setString(2, groupId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("clearing sender-key holders failed", e);
        }
    }
}
