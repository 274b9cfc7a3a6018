package app.statustracker.config;

import java.util.Map;

/**
 * Exposes the resolved database coordinates ({@code statustracker.db.*}) for the {@code @DataSourceDefinition},
 * which can only name config keys: the H2 default URL depends on DATA_DIR, so it is computed here. A bad
 * setting yields no values; the start-up check then reports it with its one clear line.
 */
public final class DataSourceConfigSource extends MapConfigSource {
    public DataSourceConfigSource() {
        super(compute(), "statustracker-datasource", 100);
    }

    private static Map<String, String> compute() {
        try {
            Settings s = ConfigLookup.currentSettings();
            return Map.of("statustracker.db.url", s.dbUrl(),
                    "statustracker.db.user", s.dbUser() == null ? "" : s.dbUser(),
                    "statustracker.db.password", s.dbPassword());
        } catch (InvalidSettingException e) {
            return Map.of();
        }
    }
}
