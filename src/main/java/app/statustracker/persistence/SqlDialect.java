package app.statustracker.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The two databases the service runs on. Upserts are where they differ: PostgreSQL has
 * {@code INSERT … ON CONFLICT … DO UPDATE}, H2 the SQL-standard {@code MERGE}; the rest of our SQL is shared.
 */
public enum SqlDialect {
    POSTGRESQL, H2;

    public static SqlDialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new SQLException("unsupported database: " + product);
    }

    /** A query answering {@code n} fresh values of {@code st_id_seq}, one per row. */
    String nextIds(int n) {
        return this == POSTGRESQL
                ? "SELECT nextval('st_id_seq') FROM generate_series(1, " + n + ")"
                : "SELECT NEXT VALUE FOR st_id_seq FROM SYSTEM_RANGE(1, " + n + ")";
    }
}
