package app.statustracker.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * MicroProfile Config source for the {@code .env} file. Ordinal 250: environment variables (300) and system
 * properties (400) override it, as the issue asks. The file is read once at start-up; settings need a restart.
 */
public final class DotEnvConfigSource implements ConfigSource {
    private final Path file = ConfigLookup.envFile();
    private final Map<String, String> values = DotEnvFile.read(file);

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
        return "dotenv:" + file;
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
