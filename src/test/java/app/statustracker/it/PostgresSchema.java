package app.statustracker.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Each build's integration tests get a fresh PostgreSQL schema (named by the build); this listener drops
 * it when the test JVM's session ends, so runs leave nothing behind in database {@code test}.
 */
public class PostgresSchema implements LauncherSessionListener {
    public static String url() {
        return System.getProperty("st.pg.base") + "?currentSchema=" + name();
    }

    public static String name() {
        return System.getProperty("st.pg.schema");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), System.getProperty("st.pg.user", "postgres"), "");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String schema = name();
        if (schema == null || !schema.matches("st_it_[0-9]+")) {
            return;
        }
        try (Connection c = DriverManager.getConnection(System.getProperty("st.pg.base"),
                System.getProperty("st.pg.user", "postgres"), "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
