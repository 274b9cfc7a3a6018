package app.statustracker.config;

/**
 * MicroProfile Config source for the {@code .env} file. Ordinal 250: environment variables (300) and system
 * properties (400) override it, as the issue asks. The file is read once at start-up; settings need a restart.
 */
public final class DotEnvConfigSource extends MapConfigSource {
    public DotEnvConfigSource() {
        super(DotEnvFile.read(ConfigLookup.envFile()), "dotenv:" + ConfigLookup.envFile(), 250);
    }
}
