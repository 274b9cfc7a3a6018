package app.statustracker.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh schema in PostgreSQL with the application's migrations applied, dropped on close: the tables the
 * benchmarks write, on the server the integration tests use ({@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * postgres; system properties {@code st.pg.base} and {@code st.pg.user} as in the persistence tests). Connections
 * come from a {@link TransactionPerCheckoutDataSource}.
 */
final class BenchDatabase implements AutoCloseable {
    private final String base = System.getProperty("st.pg.base", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = System.getProperty("st.pg.user", "postgres");
    private final String schema = "st_bench_" + Long.toString(System.currentTimeMillis(), 36).toLowerCase(Locale.ROOT);
    private final TransactionPerCheckoutDataSource dataSource;

    BenchDatabase() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(base + "?currentSchema=" + schema);
        pg.setUser(user);
        Flyway.configure().dataSource(pg).locations("classpath:db/migration").schemas(schema).createSchemas(true)
                .load().migrate();
        dataSource = new TransactionPerCheckoutDataSource(pg);
    }

    TransactionPerCheckoutDataSource dataSource() {
        return dataSource;
    }

    /** A row in {@code sessions}, as a linked session has; returns its primary key. */
    long insertSession(String sessionId) throws SQLException {
        long pk = nextId();
        execute("INSERT INTO sessions (id, session_id, session_name, auth_method, state, created_at, updated_at) "
                + "VALUES (?, ?, 'bench', 'QRCODE', 'CONNECTED', ?, ?)", pk, sessionId, now(), now());
        return pk;
    }

    /** A row in {@code statuses}, as a posted status has; returns its primary key. */
    long insertStatus(long sessionPk, String messageId) throws SQLException {
        long pk = nextId();
        execute("INSERT INTO statuses (id, session_pk, message_id, type, content, state, created_at) "
                + "VALUES (?, ?, ?, 'text', 'bench', 'sent', ?)", pk, sessionPk, messageId, now());
        return pk;
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private long nextId() throws SQLException {
        return count("SELECT nextval('st_id_seq')");
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        dataSource.closeAll();
        try (Connection c = DriverManager.getConnection(base, user, "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
