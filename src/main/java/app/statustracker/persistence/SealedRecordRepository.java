package app.statustracker.persistence;

import app.statustracker.config.FirstStartSecrets;
import app.statustracker.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sealed protocol records (identities, Signal sessions, sender keys) of every session, read and written in bulk:
 * sending a status to 1,000 devices loads their 1,000 sessions with one query and stores the changed ones with
 * one JDBC batch in one transaction. Values are sealed under the master key (see {@link SealedTable}).
 *
 * <p>Plain JDBC on the application's JTA data source: inside a transaction the connection is enlisted in it, and
 * outside one each call is its own transaction. Callers on pool threads need a ContextService proxy (as the
 * runtime does for the other key stores).
 */
@ApplicationScoped
public class SealedRecordRepository {
    @Inject
    DataSource dataSource;

    @Inject
    Settings settings;

    private KeyMaterialCipher cipher;

    protected SealedRecordRepository() {
    }

    /** For use without a container (tests, tools). */
    public SealedRecordRepository(DataSource dataSource, KeyMaterialCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    @PostConstruct
    void init() {
        cipher = new KeyMaterialCipher(FirstStartSecrets.masterKey(settings.masterKeyFile()));
    }

    /** The opened records among {@code keys}; keys without a record are absent from the map. One query. */
    @Transactional
    public Map<String, byte[]> load(SealedTable table, long sessionPk, Collection<String> keys) {
        Map<String, byte[]> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String sql = "SELECT record_key, data FROM " + table.table() + " WHERE session_pk = ? AND record_key = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("VARCHAR", new LinkedHashSet<>(keys).toArray());
            ps.setLong(1, sessionPk);
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    found.put(key, cipher.decrypt(rs.getBytes(2), table.place(sessionPk, key)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + keys.size() + " " + table.table() + " records failed", e);
        }
    }

    @Transactional
    public Optional<byte[]> load(SealedTable table, long sessionPk, String key) {
        return Optional.ofNullable(load(table, sessionPk, java.util.List.of(key)).get(key));
    }

    /** Inserts or replaces every record in one JDBC batch (one transaction when called outside one). */
    @Transactional
    public void store(SealedTable table, long sessionPk, Map<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String sql = SqlDialect.of(c) == SqlDialect.POSTGRESQL
                    ? "INSERT INTO " + table.table() + " (session_pk, record_key, data, updated_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (session_pk, record_key) DO UPDATE SET data = EXCLUDED.data, "
                            + "updated_at = EXCLUDED.updated_at"
                    : "MERGE INTO " + table.table() + " (session_pk, record_key, data, updated_at) "
                            + "KEY (session_pk, record_key) VALUES (?, ?, ?, ?)";
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Map.Entry<String, byte[]> r : records.entrySet()) {
                    checkKey(table, r.getKey());
                    ps.setLong(1, sessionPk);
                    ps.setString(2, r.getKey());
                    ps.setBytes(3, cipher.encrypt(r.getValue(), table.place(sessionPk, r.getKey())));
                    ps.setObject(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + records.size() + " " + table.table() + " records failed", e);
        }
    }

    @Transactional
    public void store(SealedTable table, long sessionPk, String key, byte[] value) {
        store(table, sessionPk, Map.of(key, value));
    }

    /** @return how many of the records existed */
    @Transactional
    public int delete(SealedTable table, long sessionPk, Collection<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        String sql = "DELETE FROM " + table.table() + " WHERE session_pk = ? AND record_key = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, sessionPk);
            ps.setArray(2, c.createArrayOf("VARCHAR", new LinkedHashSet<>(keys).toArray()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting " + table.table() + " records failed", e);
        }
    }

    /**
     * Deletes every record whose key starts with {@code prefix}, e.g. all sessions of one user
     * ({@code "15551234567."}) after its identity changed. @return how many were deleted
     */
    @Transactional
    public int deleteWithPrefix(SealedTable table, long sessionPk, String prefix) {
        String sql = "DELETE FROM " + table.table() + " WHERE session_pk = ? AND record_key LIKE ? ESCAPE '!'";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, sessionPk);
            ps.setString(2, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting " + table.table() + " records failed", e);
        }
    }

    /** Deletes the session's records last written before {@code cutoff}. @return how many */
    @Transactional
    public int deleteOlderThan(SealedTable table, long sessionPk, java.time.Instant cutoff) {
        String sql = "DELETE FROM " + table.table() + " WHERE session_pk = ? AND updated_at < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, sessionPk);
            ps.setObject(2, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting old " + table.table() + " records failed", e);
        }
    }

    /** After a logout: the device's Signal state is dead, with its sender-key holders (LID mappings stay). */
    @Transactional
    public void forgetSession(long sessionPk) {
        try (Connection c = dataSource.getConnection()) {
            for (String t : new String[] {"signal_identities", "signal_sessions", "sender_keys",
                    "sender_key_holders", "sent_status_payloads"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE session_pk = ?")) {
                    ps.setLong(1, sessionPk);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("forgetting the Signal state of session " + sessionPk + " failed", e);
        }
    }

    private static void checkKey(SealedTable table, String key) {
        if (key == null || key.isEmpty() || key.length() > table.maxKeyLength()) {
            throw new IllegalArgumentException(table.table() + " record key must be 1-" + table.maxKeyLength()
                    + " characters: " + key);
        }
    }
}
