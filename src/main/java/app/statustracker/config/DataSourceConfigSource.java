package app.statustracker.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Exposes the resolved database coordinates ({@code statustracker.db.*}) for the {@code @DataSourceDefinition},
 * which can only name config keys: the H2 default URL depends on DATA_DIR, so it is computed here. A bad
 * setting yields no values; the start-up check then reports it with its one clear line.
 */
public final class DataSourceConfigSource implements ConfigSource {
    private final Map<String, String> values = compute();

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

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "statustracker-datasource";
    }

    @Override
    public int getOrdinal() {
        return 100;
    }
}
