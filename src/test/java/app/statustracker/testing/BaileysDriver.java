package app.statustracker.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Runs the pinned Baileys release ({@code src/test/node/driver.mjs}) as a child process and talks to it in
 * JSON lines: {@link #call} sends one request and waits for the answer with the same id; lines without an
 * id are events, collected for {@link #awaitEvent}. Start it once per test class and close it after.
 *
 * <p>Tests call {@link #assumeAvailable()} first: without Node (or without {@code npm ci} having run) they
 * are skipped locally, but fail when {@code CI=true}, so a CI machine cannot silently skip the cross-check.
 */
public final class BaileysDriver implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int STDERR_LINES_KEPT = 60;

    /** The driver answered {@code ok: false}, exited, broke the protocol, or did not answer in time. */
    public static final class DriverException extends RuntimeException {
        public DriverException(String message) {
            super(message);
        }

        public DriverException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Process process;
    private final Writer requests;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<JsonObject> events = new ArrayList<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean exited;

    private BaileysDriver(Process process) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon("baileys-driver-stdout", this::readAnswers).start();
        daemon("baileys-driver-stderr", this::readDiagnostics).start();
    }

    /** Directory holding package.json and driver.mjs; override with -Dst.baileysHarness=... */
    public static Path harnessDirectory() {
        return Path.of(System.getProperty("st.baileysHarness", "src/test/node")).toAbsolutePath();
    }

    /** The Node executable; override with -Dst.node=... or the NODE environment variable. */
    public static String nodeExecutable() {
        String configured = System.getProperty("st.node", System.getenv("NODE"));
        return configured == null || configured.isBlank() ? "node" : configured;
    }

    /** Skips the calling test when Node or the installed harness is missing, or fails it under CI=true. */
    public static void assumeAvailable() {
        String problem = availabilityProblem();
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("Baileys harness required with CI=true: " + problem);
        }
        org.junit.jupiter.api.Assumptions.abort("Baileys harness unavailable: " + problem);
    }

    /** Null when the harness can run, else why not. */
    public static String availabilityProblem() {
        Path installed = harnessDirectory().resolve("node_modules/@whiskeysockets/baileys/package.json");
        if (!Files.isRegularFile(installed)) {
            return "no " + installed + " (run the build without -Dskip.npm=true, or `npm ci` there)";
        }
        try {
            Process version = new ProcessBuilder(nodeExecutable(), "--version").redirectErrorStream(true).start();
            String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0) {
                return nodeExecutable() + " --version failed: " + output;
            }
            int major = Integer.parseInt(output.replaceFirst("^v(\\d+).*", "$1"));
            return major >= 20 ? null : "Node " + output + " is older than 20";
        } catch (IOException | NumberFormatException e) {
            return "cannot run " + nodeExecutable() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking Node";
        }
    }

    public static BaileysDriver start() {
        return start(Map.of());
    }

    /**
     * Starts the driver with extra environment variables on top of this JVM's. Some settings are read by Node
     * only at process start, notably {@code NODE_EXTRA_CA_CERTS}, the way to make Baileys trust the simulator's
     * media host: {@code start(Map.of("NODE_EXTRA_CA_CERTS", simulator.mediaCaFile().toString()))}.
     */
    public static BaileysDriver start(Map<String, String> environment) {
        Path directory = harnessDirectory();
        try {
            ProcessBuilder builder = new ProcessBuilder(nodeExecutable(), "driver.mjs").directory(directory.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            BaileysDriver driver = new BaileysDriver(process);
            driver.call("ping", Json.createObjectBuilder().build());
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Baileys driver in " + directory, e);
        }
    }

    public JsonObject call(String command, JsonObject arguments) {
        return call(command, arguments, DEFAULT_TIMEOUT);
    }

    /** Sends {@code {id, cmd, ...arguments}} and returns the answer's {@code result}. */
    public JsonObject call(String command, JsonObject arguments, Duration timeout) {
        String id = Long.toString(nextId.getAndIncrement());
        JsonObjectBuilder request = Json.createObjectBuilder().add("id", id).add("cmd", command);
        arguments.forEach(request::add);
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (requests) {
                if (exited) {
                    throw new DriverException("driver has exited" + stderrSummary());
                }
                requests.write(request.build().toString());
                requests.write('\n');
                requests.flush();
            }
            JsonObject response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!response.getBoolean("ok", false)) {
                throw new DriverException(command + " failed in Baileys: " + response.getString("error", "?"));
            }
            return response.getJsonObject("result");
        } catch (IOException e) {
            throw new DriverException("cannot write to the driver" + stderrSummary(), e);
        } catch (TimeoutException e) {
            throw new DriverException(command + " got no answer within " + timeout + stderrSummary(), e);
        } catch (ExecutionException e) {
            throw new DriverException(command + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted waiting for " + command, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Waits for (and consumes) the first event named {@code name} that matches, returning its data. */
    public JsonObject awaitEvent(String name, Predicate<JsonObject> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (Iterator<JsonObject> it = events.iterator(); it.hasNext(); ) {
                    JsonObject event = it.next();
                    JsonObject data = event.getJsonObject("data");
                    if (name.equals(event.getString("event", null)) && matches.test(data)) {
                        it.remove();
                        return data;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || exited) {
                    throw new DriverException("no event " + name + " within " + timeout + stderrSummary());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(events, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DriverException("interrupted waiting for event " + name, e);
                }
            }
        }
    }

    /** Closes stdin (the driver then exits by itself), escalating to kill if it lingers. */
    @Override
    public void close() {
        try {
            synchronized (requests) {
                requests.close();
            }
        } catch (IOException ignored) {
            // the process may already be gone; stopping it below is what matters
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readAnswers() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                dispatch(line);
            }
        } catch (IOException e) {
            // stream closed with the process; treated like an exit below
        } finally {
            exited = true;
            DriverException gone = new DriverException("driver exited" + stderrSummary());
            pending.values().forEach(answer -> answer.completeExceptionally(gone));
            synchronized (events) {
                events.notifyAll();
            }
        }
    }

    private void dispatch(String line) {
        JsonObject message;
        try {
            message = Json.createReader(new StringReader(line)).readObject();
        } catch (JsonParsingException e) {
            rememberDiagnostic("[non-JSON stdout] " + line);
            return;
        }
        JsonValue id = message.get("id");
        if (id != null && id.getValueType() == JsonValue.ValueType.STRING) {
            CompletableFuture<JsonObject> answer = pending.get(message.getString("id"));
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.containsKey("event")) {
            synchronized (events) {
                events.add(message);
                events.notifyAll();
            }
        } else {
            rememberDiagnostic("[unrouted] " + line);
        }
    }

    private void readDiagnostics() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                rememberDiagnostic(line);
            }
        } catch (IOException ignored) {
            // the process is gone; nothing left to collect
        }
    }

    private void rememberDiagnostic(String line) {
        synchronized (stderrTail) {
            stderrTail.addLast(line);
            while (stderrTail.size() > STDERR_LINES_KEPT) {
                stderrTail.removeFirst();
            }
        }
    }

    private String stderrSummary() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; driver stderr:\n" + String.join("\n", stderrTail);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
