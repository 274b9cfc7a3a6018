package app.statustracker.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A MicroProfile ConfigSource over a fixed map of values, computed once at start-up. */
abstract class MapConfigSource implements ConfigSource {
    private final Map<String, String> values;
    private final String name;
    private final int ordinal;

    MapConfigSource(Map<String, String> values, String name, int ordinal) {
        this.values = Map.copyOf(values);
        this.name = name;
        this.ordinal = ordinal;
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
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
