package app.statustracker.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where raw setting values come from, in MicroProfile Config's order: system properties, then environment
 * variables, then the {@code .env} file. The launcher and the in-server config sources share it.
 */
public final class ConfigLookup {
    private ConfigLookup() {
    }

    /** The {@code .env} file: {@code ENV_FILE} (property or environment) or {@code ./.env}. */
    public static Path envFile() {
        String explicit = System.getProperty("ENV_FILE", System.getenv("ENV_FILE"));
        return Path.of(explicit == null || explicit.isBlank() ? ".env" : explicit).toAbsolutePath().normalize();
    }

    public static Function<String, String> layered(Map<String, String> dotEnv) {
        return key -> {
            String v = System.getProperty(key);
            if (v == null) {
                v = System.getenv(key);
            }
            return v != null ? v : dotEnv.get(key);
        };
    }

    public static Settings currentSettings() {
        return Settings.from(layered(DotEnvFile.read(envFile())));
    }
}
