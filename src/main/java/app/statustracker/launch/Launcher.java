package app.statustracker.launch;

import app.statustracker.config.ConfigLookup;
import app.statustracker.config.DotEnvFile;
import app.statustracker.config.FirstStartSecrets;
import app.statustracker.config.InvalidSettingException;
import app.statustracker.config.MediaSettings;
import app.statustracker.config.StatusSettings;
import app.statustracker.config.Settings;
import app.statustracker.wa.transport.TransportOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The README's start command: reads {@code .env} and the environment, checks every setting (one clear line
 * and exit code 2 on a bad one), makes the API key and master key on first start, then runs Payara Micro
 * with the WAR at context root {@code /} and every phone-home and clustering path switched off.
 *
 * <p>With {@code -Dst.commandFile=F} it prepares everything the same way but writes the Payara Micro command to
 * {@code F}, one argument per line, and exits: the container's entry point then execs that command, so that one
 * JVM runs the server as the container's main process instead of an idle launcher JVM waiting on a child.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path envFile = ConfigLookup.envFile();
        Settings settings;
        try {
            var lookup = ConfigLookup.layered(DotEnvFile.read(envFile));
            settings = Settings.from(lookup);
            StatusSettings.from(lookup); // checked here too, so a bad value stops the start with one line
            MediaSettings.from(lookup);
            FirstStartSecrets.masterKey(settings.masterKeyFile());
        } catch (InvalidSettingException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (settings.apiKey() == null) {
            String key = FirstStartSecrets.generateApiKey(envFile);
            System.out.println("Generated an API key; it is stored in " + envFile + " and shown only this once:");
            System.out.println();
            System.out.println("    API_KEY=" + key);
            System.out.println();
        }
        if (settings.usesPostgres()) {
            requireDatabase(settings);
        }
        Path war = existing("st.war", "the WAR (run ./mvnw package first)");
        Path payara = existing("st.payaraJar", "the Payara Micro jar (run ./mvnw package first)");
        PayaraRootDir.fresh(settings.dataDir()); // else the WAR of the previous run starts too, then is redeployed
        List<String> command = command(settings, war, payara);
        String commandFile = System.getProperty("st.commandFile");
        if (commandFile != null) {
            writeCommand(command, Path.of(commandFile));
            System.out.println("Starting Status Tracker on http://localhost:" + settings.port() + "/ (" + settings + ")");
            return;
        }
        Process server = new ProcessBuilder(command)
                .inheritIO()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("Starting Status Tracker on http://localhost:" + settings.port() + "/ (" + settings + ")");
        ReadyLine.watch(settings.port(), server);
        System.exit(server.waitFor());
    }

    static List<String> command(Settings settings, Path war, Path payara) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaOpts = System.getenv("JAVA_OPTS");
        // first, so that a -D of the same name in JAVA_OPTS wins
        cmd.addAll(TransportOptions.JDK_WEBSOCKET_JVM_OPTIONS);
        // the MP4 library's SLF4J finds no binding (none is packaged, on purpose) and would say so at every start
        cmd.add("-Dslf4j.internal.verbosity=ERROR");
        cmd.addAll(List.of((javaOpts == null || javaOpts.isBlank() ? "-Xmx512m" : javaOpts).trim().split("\\s+")));
        cmd.add("-Dhazelcast.phone.home.enabled=false");
        cmd.add("-DENV_FILE=" + ConfigLookup.envFile());
        cmd.add("-DDATA_DIR=" + settings.dataDir());
        cmd.addAll(List.of("-jar", payara.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", Integer.toString(settings.port()),
                "--nocluster",
                "--disablephonehome",
                "--rootdir", settings.dataDir().resolve("payara").toString()));
        Path preBoot = Path.of("server-config", "pre-boot-commands.asadmin");
        if (Files.isRegularFile(preBoot)) {
            cmd.addAll(List.of("--prebootcommandfile", preBoot.toAbsolutePath().toString()));
        }
        Path logging = Path.of("server-config", "logging.properties");
        if (Files.isRegularFile(logging)) {
            cmd.addAll(List.of("--logproperties", logging.toAbsolutePath().toString()));
        }
        return cmd;
    }

    /** One argument per line, for a POSIX shell's {@code read}: an argument holding a line break cannot be written. */
    static void writeCommand(List<String> command, Path file) throws IOException {
        for (String arg : command) {
            if (arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0) {
                System.err.println("Cannot start: a line break in the server command (check JAVA_OPTS and DATA_DIR)");
                System.exit(2);
            }
        }
        Files.write(file, command);
    }

    private static void requireDatabase(Settings settings) {
        Properties props = new Properties();
        if (settings.dbUser() != null) {
            props.setProperty("user", settings.dbUser());
        }
        props.setProperty("password", settings.dbPassword());
        props.setProperty("connectTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(settings.dbUrl(), props)) {
            // reachable
        } catch (SQLException e) {
            System.err.println("Invalid setting DB_URL: cannot connect (" + e.getMessage().lines().findFirst().orElse("") + ")");
            System.exit(2);
        }
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        Path path = value == null ? null : Path.of(value);
        if (path == null || !Files.isRegularFile(path)) {
            System.err.println("Cannot find " + what + (value == null ? "" : " at " + value));
            System.exit(2);
        }
        return path;
    }
}
