package app.statustracker.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The packaged WAR, unchanged, on the WildFly distribution the build unpacked (st.wildfly.home): configured with
 * the repository's CLI script as a user would, then started bound to loopback on free ports. It inherits the test
 * JVM's environment (simulator endpoint and root, database) like every deployed server in these tests.
 */
final class WildFlyServer implements AutoCloseable {
    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9990;
    /* the other ports standalone.xml binds, each moved by the same offset */
    private static final List<Integer> OTHERS = List.of(8443, 9993, 8009);

    private final Path home;
    private final Path log;
    private final int offset;
    private Process process;

    WildFlyServer(Path log) throws IOException {
        this.home = Path.of(System.getProperty("st.wildfly.home"));
        this.log = log;
        this.offset = freeOffset();
    }

    /** Runs the configuration script, deploys the WAR and waits until the API answers. */
    ApiClient start(Duration timeout, Map<String, String> settings) throws Exception {
        Files.createDirectories(log.getParent());
        run(List.of(script("jboss-cli"), "--file=" + System.getProperty("st.wildfly.cli")), Duration.ofMinutes(2));
        Path deployments = home.resolve("standalone/deployments");
        for (String marker : List.of("deployed", "failed", "undeployed", "isdeploying", "pending")) {
            Files.deleteIfExists(deployments.resolve("status-tracker.war." + marker)); // an earlier run's
        }
        Files.copy(Path.of(System.getProperty("st.war")), deployments.resolve("status-tracker.war"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder(List.of(script("standalone"), "-b", "127.0.0.1",
                "-bmanagement", "127.0.0.1", "-Djboss.socket.binding.port-offset=" + offset))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment(pb).putAll(settings);
        process = pb.start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + (HTTP + offset));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue() + "; see " + log);
            }
            if (deployed(deployments) && answers(api)) {
                return api;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the WAR did not answer on WildFly within " + timeout + "; see " + log);
    }

    /** The management interface, where WildFly serves MicroProfile Health. */
    ApiClient management() {
        return new ApiClient("http://127.0.0.1:" + (MANAGEMENT + offset));
    }

    private static boolean deployed(Path deployments) throws IOException {
        if (Files.exists(deployments.resolve("status-tracker.war.failed"))) {
            throw new IllegalStateException("WildFly refused the WAR: "
                    + Files.readString(deployments.resolve("status-tracker.war.failed")));
        }
        return Files.exists(deployments.resolve("status-tracker.war.deployed"));
    }

    private static boolean answers(ApiClient api) {
        try {
            return api.get("/api/health").status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private String script(String name) {
        return home.resolve("bin").resolve(name + ".sh").toString();
    }

    /* WildFly's scripts find Java through JAVA_HOME: the JDK running the tests */
    private static Map<String, String> environment(ProcessBuilder pb) {
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
        return env;
    }

    private void run(List<String> command, Duration timeout) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment(pb);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " failed; see " + log);
        }
    }

    /* one offset under which every port WildFly binds is free now */
    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(100, 20000);
            if (free(HTTP + offset) && free(MANAGEMENT + offset)
                    && OTHERS.stream().allMatch(p -> free(p + offset))) {
                return offset;
            }
        }
        throw new IOException("no free port range for WildFly");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Stops WildFly and its launch script at once: the test's data is in the database and DATA_DIR. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
