package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's entry point and health check, run outside a container on the files laid out as the Dockerfile
 * lays them out under {@code /app}: first start on the embedded default prints an API key once and keeps it in the
 * data directory, the launcher JVM hands over to Payara Micro by exec (one JVM, the entry point's own process), the
 * health check script says unhealthy before and healthy after, the server listens on its HTTP port and nothing else,
 * SIGTERM stops the server, and a second start reuses the key. What only a container engine can show (the image build, the user, the volume) is not covered here.
 */
class ContainerEntrypointH2IT {
    private static final Pattern PRINTED_KEY = Pattern.compile("(?m)^\\s*API_KEY=(\\S+)\\s*$");

    @TempDir
    Path dir;

    @Test
    void firstStartPrintsTheKeyOnceAndExecsOneServerJvm() throws Exception {
        Path app = layOutApp(dir.resolve("app"));
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        int port = freePort();
        Map<String, String> env = Map.of("APP_DIR", app.toString(), "DATA_DIR", data.toString(),
                "ENV_FILE", data.resolve(".env").toString(), "PORT", Integer.toString(port), "JAVA_OPTS", "-Xmx384m");
        assertEquals(1, healthCheck(app, port), "nothing listens yet: unhealthy");

        Path firstLog = dir.resolve("first.log");
        Process first = start(app, env, firstLog);
        try {
            awaitHealthy(app, port, first, firstLog);
            String out = Files.readString(firstLog);
            Matcher printed = PRINTED_KEY.matcher(out);
            assertTrue(printed.find(), out);
            String key = printed.group(1);
            assertFalse(printed.find(), "the key is printed once: " + out);
            assertTrue(Files.readString(data.resolve(".env")).contains("API_KEY=" + key), "kept in the data directory");

            ProcessHandle server = first.toHandle();
            String commandLine = server.info().commandLine().orElse("");
            assertTrue(commandLine.contains("payara-micro.jar") && commandLine.contains("--disablephonehome")
                    && commandLine.contains("--nocluster"), "the entry point's own process became the server: "
                    + commandLine);
            assertEquals(0, server.descendants().count(), "no child process, no idle launcher JVM");
            assertEquals(Set.of(port), listeningPorts(server.pid()), "the HTTP port is the only one it listens on");

            ApiClient api = new ApiClient("http://127.0.0.1:" + port);
            Reply health = api.send("GET", "/api/health", null, "x-api-key", key);
            assertEquals(200, health.status(), health.raw());
            assertEquals("h2", health.json().getJsonObject("data").getString("database"));
            assertEquals(401, api.send("GET", "/api/sessions", null).status());
        } finally {
            first.destroy(); // SIGTERM, as `docker stop` sends it
            assertTrue(first.waitFor(120, TimeUnit.SECONDS), "SIGTERM stops the server");
        }

        Path secondLog = dir.resolve("second.log");
        Process second = start(app, env, secondLog);
        try {
            awaitHealthy(app, port, second, secondLog);
            assertFalse(PRINTED_KEY.matcher(Files.readString(secondLog)).find(), "no new key on the second start");
        } finally {
            second.destroy();
            assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        }
    }

    /** The Dockerfile's run stage: the WAR, the Payara Micro jar, the launcher's classes and libraries, the config. */
    private static Path layOutApp(Path app) throws IOException {
        Path war = Path.of(System.getProperty("st.war"));
        Path exploded = war.resolveSibling(war.getFileName().toString().replace(".war", ""));
        Files.createDirectories(app);
        Files.copy(war, app.resolve("status-tracker.war"));
        Files.copy(Path.of(System.getProperty("payara.microJar")), app.resolve("payara-micro.jar"));
        copyTree(exploded.resolve("WEB-INF/classes"), app.resolve("launcher/classes"));
        copyTree(exploded.resolve("WEB-INF/lib"), app.resolve("launcher/lib"));
        copyTree(Path.of("server-config"), app.resolve("server-config"));
        return app;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static Process start(Path app, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", app.resolve("server-config/container/entrypoint.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // a container starts from the image's environment: no key, no database URL
        pb.environment().keySet().removeAll(List.of("API_KEY", "DB_URL", "DB_USER", "DB_PASSWORD"));
        pb.environment().putAll(env);
        // the image's JRE is the one on PATH
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return pb.start();
    }

    private static void awaitHealthy(Path app, int port, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the entry point exited with " + server.exitValue() + ":\n"
                        + Files.readString(log));
            }
            if (healthCheck(app, port) == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not healthy within 3 minutes:\n" + Files.readString(log));
    }

    private static int healthCheck(Path app, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", app.resolve("server-config/container/healthcheck.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("PORT", Integer.toString(port));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
        return p.exitValue();
    }

    /** TCP ports the process listens on: its socket inodes matched against the LISTEN rows of /proc/net/tcp{,6}. */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while we looked
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows = Files.readAllLines(Path.of(table));
            for (String line : rows.subList(1, rows.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
