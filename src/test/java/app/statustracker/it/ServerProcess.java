package app.statustracker.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The service as users start it (the launcher, which runs Payara Micro as its child), for tests that restart
 * or kill the server. It inherits the test JVM's environment (database, simulator endpoint and root) and gets
 * its own port and data directory.
 */
final class ServerProcess implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private Process launcher;

    ServerProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    ApiClient start(Duration timeout) throws Exception {
        return start(timeout, Map.of());
    }

    /** @param settings environment variables for this start only, over the inherited ones */
    ApiClient start(Duration timeout, Map<String, String> settings) throws Exception {
        Files.createDirectories(dataDir);
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dst.war=" + System.getProperty("st.war"),
                "-Dst.payaraJar=" + System.getProperty("payara.microJar"),
                "app.statustracker.launch.Launcher"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("PORT", Integer.toString(port));
        env.put("DATA_DIR", dataDir.toString());
        env.put("ENV_FILE", dataDir.resolve(".env").toString());
        env.put("JAVA_OPTS", "-Xmx512m");
        env.putAll(settings);
        launcher = pb.start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the server exited with " + launcher.exitValue() + "; see "
                        + dataDir.resolve("server.log"));
            }
            try {
                // Payara serves the app's routes a moment before it is fully up; its readiness check says when
                if (api.send("GET", "/health/ready", null).status() == 200 && api.get("/api/health").status() == 200) {
                    return api;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not answer within " + timeout);
    }

    /** Like a crash: SIGKILL to Payara and the launcher, no shutdown hooks, no goodbye to WhatsApp. */
    void kill() throws InterruptedException {
        if (launcher == null) {
            return;
        }
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        launcher.waitFor();
        for (int i = 0; i < 100 && launcher.descendants().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
