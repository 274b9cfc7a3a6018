package app.statustracker.persistence;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what we need out of a JDBC URL. */
public final class JdbcUrls {
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z_][A-Za-z0-9_]{0,62})");

    private JdbcUrls() {
    }

    /** The {@code currentSchema} of a PostgreSQL URL, which Flyway then creates and migrates. */
    public static Optional<String> postgresSchema(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        Matcher m = CURRENT_SCHEMA.matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
