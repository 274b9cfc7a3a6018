package app.statustracker.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database with the application's migrations applied, for persistence tests over plain JDBC: a fresh schema
 * in PostgreSQL database {@code test} on 127.0.0.1:5432 (as the integration tests use; dropped on close), or a
 * private in-memory H2.
 */
final class MigratedDatabase implements AutoCloseable {
    private final DataSource dataSource;
    private final String pgSchema;

    private MigratedDatabase(DataSource dataSource, String pgSchema) {
        this.dataSource = dataSource;
        this.pgSchema = pgSchema;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .schemas(pgSchema == null ? new String[0] : new String[] {pgSchema})
                .createSchemas(pgSchema != null).load().migrate();
    }

    static MigratedDatabase postgres() {
        String schema = "st_ut_" + Long.toUnsignedString(System.nanoTime(), 36) + Thread.currentThread().getId();
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(System.getProperty("st.pg.base", "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema="
                + schema);
        pg.setUser(System.getProperty("st.pg.user", "postgres"));
        return new MigratedDatabase(pg, schema);
    }

    static MigratedDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:st" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return new MigratedDatabase(h2, null);
    }

    DataSource dataSource() {
        return dataSource;
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    long insertSession(String sessionId) throws SQLException {
        long pk = nextId();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, session_id, "
                + "session_name, auth_method, state, created_at, updated_at) VALUES (?, ?, 'T', 'QRCODE', 'CONNECTED', ?, ?)")) {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            ps.setLong(1, pk);
            ps.setString(2, sessionId);
            ps.setObject(3, now);
            ps.setObject(4, now);
            ps.executeUpdate();
        }
        return pk;
    }

    long insertStatus(long sessionPk, String messageId) throws SQLException {
        long pk = nextId();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO statuses (id, session_pk, "
                + "message_id, type, content, state, created_at) VALUES (?, ?, ?, 'text', 'x', 'sent', ?)")) {
            ps.setLong(1, pk);
            ps.setLong(2, sessionPk);
            ps.setString(3, messageId);
            ps.setObject(4, LocalDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
        return pk;
    }

    void insertRecipient(long statusPk, String jid, String phone) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO status_recipients (id, status_pk, jid, phone_number) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, nextId());
            ps.setLong(2, statusPk);
            ps.setString(3, jid);
            ps.setString(4, phone);
            ps.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long nextId() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery(pgSchema != null ? "SELECT nextval('st_id_seq')" : "SELECT NEXT VALUE FOR st_id_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(System.getProperty("st.pg.base",
                    "jdbc:postgresql://127.0.0.1:5432/test"), System.getProperty("st.pg.user", "postgres"), "");
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
            }
        } else {
            execute("SHUTDOWN");
        }
    }
}
