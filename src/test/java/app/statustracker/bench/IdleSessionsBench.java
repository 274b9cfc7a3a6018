package app.statustracker.bench;

import app.statustracker.wa.client.ClientConfig;
import app.statustracker.wa.client.ClientEvent;
import app.statustracker.wa.client.DisconnectReason;
import app.statustracker.wa.client.InMemoryCredentialsStore;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.client.WaClient;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle linked sessions, Java side (bench/idle-sessions.sh; Baileys side: src/test/node/bench/idle-sessions.mjs).
 * Against a standalone simulator reached through its control port, this JVM holds nothing but the clients:
 * <ol>
 *   <li>links {@code --warmup} throw-away devices and closes them, so class loading and JIT are paid for;</li>
 *   <li>measures the baseline (heap used after full GCs, VmRSS);</li>
 *   <li>links {@code --sessions} devices by QR ({@code --concurrency} at a time): QrCode → the simulated phone
 *       scans it → Paired → 515 → connect again → LoggedIn;</li>
 *   <li>leaves them idle for {@code --idle-seconds} (keep-alives run), measures again and prints the difference
 *       per session;</li>
 *   <li>"restart": closes every client, drops them, and creates new WaClients from the stored credentials, all
 *       connecting at once, as a restarted server resumes its sessions; prints the seconds until all are
 *       LoggedIn again (or how many made it within {@code --reconnect-timeout-seconds}).</li>
 * </ol>
 * The shared resources are those of the runtime: one HttpClient with a fixed executor, one scheduler, one
 * WaConnector, default transport options and client config. Output: one tab-separated result line on stdout
 * ({@code java N sessions heapBytes/session rssBytes/session reconnectSeconds reconnected}), progress on stderr.
 */
public final class IdleSessionsBench {
    private final HttpClient control = HttpClient.newHttpClient();
    private final URI controlUrl;
    private final String phonePrefix;
    private WaConnector connector;
    private ScheduledThreadPoolExecutor scheduler;
    private ClientConfig config;
    private int nextPhone;
    /** Unplanned disconnects by kind, for the log: a slow or failed reconnect says why. */
    private final java.util.Map<String, Integer> disconnects = new java.util.concurrent.ConcurrentHashMap<>();

    /** One device: its stores outlive its WaClient, as a database row outlives a server process. */
    private final class Device {
        final String phone;
        final InMemoryCredentialsStore credentials;
        final InMemoryPreKeyStore preKeys;
        final CompletableFuture<Void> loggedIn = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final AtomicBoolean scanned = new AtomicBoolean();
        volatile boolean stopping;
        WaClient client;

        Device(String phone, InMemoryCredentialsStore credentials, InMemoryPreKeyStore preKeys) {
            this.phone = phone;
            this.credentials = credentials;
            this.preKeys = preKeys;
        }

        void onEvent(ClientEvent event) {
            if (event instanceof ClientEvent.QrCode qr) {
                if (scanned.compareAndSet(false, true)) {
                    postAsync("/accounts/" + phone + "/scan-qr", Json.createObjectBuilder().add("qr", qr.data()).build())
                            .whenComplete((answer, failure) -> {
                                if (failure != null) {
                                    loggedIn.completeExceptionally(failure);
                                }
                            });
                }
            } else if (event instanceof ClientEvent.LoggedIn) {
                loggedIn.complete(null);
            } else if (event instanceof ClientEvent.Disconnected disconnected) {
                DisconnectReason reason = disconnected.reason();
                if (!stopping) {
                    disconnects.merge(reason.kind() + "/" + reason.reconnect(), 1, Integer::sum);
                }
                if (stopping) {
                    closed.complete(null);
                } else if (reason.reconnect() == DisconnectReason.Reconnect.NOW) {
                    client.connect(); // the 515 after pairing
                } else if (reason.reconnect() == DisconnectReason.Reconnect.WITH_BACKOFF) {
                    scheduler.schedule(() -> client.connect(), 1, TimeUnit.SECONDS);
                } else {
                    log(phone + " gave up: " + reason);
                    loggedIn.completeExceptionally(new IllegalStateException(phone + ": " + reason));
                    closed.complete(null);
                }
            }
        }

        CompletableFuture<Void> start() {
            client = new WaClient(connector, scheduler, config, credentials, preKeys, this::onEvent);
            client.connect().exceptionally(failure -> null); // a failed connect ends in Disconnected too
            return loggedIn;
        }
    }

    private IdleSessionsBench(URI controlUrl, String phonePrefix) {
        this.controlUrl = controlUrl;
        this.phonePrefix = phonePrefix;
    }

    public static void main(String[] args) throws Exception {
        URI controlUrl = null;
        int sessions = 100;
        int warmup = 10;
        int concurrency = 20;
        int executorThreads = 4;
        long idleSeconds = 30;
        long linkTimeoutSeconds = 600;
        long reconnectTimeoutSeconds = 120;
        String phonePrefix = "1555";
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--control-url" -> controlUrl = URI.create(value);
                case "--sessions" -> sessions = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--executor-threads" -> executorThreads = Integer.parseInt(value);
                case "--idle-seconds" -> idleSeconds = Long.parseLong(value);
                case "--link-timeout-seconds" -> linkTimeoutSeconds = Long.parseLong(value);
                case "--reconnect-timeout-seconds" -> reconnectTimeoutSeconds = Long.parseLong(value);
                case "--phone-prefix" -> phonePrefix = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (controlUrl == null) {
            throw new IllegalArgumentException("--control-url is required");
        }
        IdleSessionsBench bench = new IdleSessionsBench(controlUrl, phonePrefix);
        ExecutorService executor = Executors.newFixedThreadPool(executorThreads);
        bench.run(executor, sessions, warmup, concurrency, Duration.ofSeconds(idleSeconds),
                Duration.ofSeconds(linkTimeoutSeconds), Duration.ofSeconds(reconnectTimeoutSeconds));
        executor.shutdownNow();
        System.exit(0);
    }

    private void run(ExecutorService executor, int sessions, int warmup, int concurrency, Duration idle,
                     Duration linkTimeout, Duration reconnectTimeout) throws Exception {
        JsonObject info = get("/info");
        // the runtime's shape (SessionRuntime.init): one HttpClient on an executor, one scheduler, one connector
        HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(20)).build();
        scheduler = new ScheduledThreadPoolExecutor(1);
        connector = new WaConnector(http, scheduler, TransportOptions.defaults());
        config = ClientConfig.defaults(URI.create(info.getString("wsUrl")), new CertificateChainVerifier(
                HexFormat.of().parseHex(info.getString("rootPublicKey")), 0, Clock.systemUTC()));

        if (warmup > 0) {
            log("warm-up: linking " + warmup + " throw-away devices");
            List<Device> throwAway = link(warmup, concurrency, linkTimeout);
            stopAll(throwAway);
            throwAway.clear();
        }
        Thread.sleep(2000); // let closes and their timers settle
        long[] baseline = measure();
        log(String.format(Locale.ROOT, "baseline: heap %.1f MB, RSS %.1f MB", baseline[0] / 1e6, baseline[1] / 1e6));

        long started = System.nanoTime();
        List<Device> devices = link(sessions, concurrency, linkTimeout);
        log(String.format(Locale.ROOT, "%d sessions LoggedIn after %.1f s; idle for %d s", devices.size(),
                (System.nanoTime() - started) / 1e9, idle.toSeconds()));
        Thread.sleep(idle.toMillis());
        long[] loaded = measure();
        long connected = devices.stream().filter(d -> d.client.isLoggedIn()).count();
        log(String.format(Locale.ROOT, "with %d sessions (%d still logged in): heap %.1f MB, RSS %.1f MB",
                sessions, connected, loaded[0] / 1e6, loaded[1] / 1e6));
        long heapPerSession = (loaded[0] - baseline[0]) / sessions;
        long rssPerSession = (loaded[1] - baseline[1]) / sessions;

        log("unplanned disconnects so far: " + disconnects);
        disconnects.clear();
        // restart: every client goes, new ones come from the stored credentials, all connecting at once
        stopAll(devices);
        log("restart: all " + sessions + " clients closed; new clients from the stored credentials connect");
        List<Device> restarted = new ArrayList<>(sessions);
        for (Device old : devices) {
            restarted.add(new Device(old.phone, old.credentials, old.preKeys));
        }
        devices.clear();
        started = System.nanoTime();
        List<CompletableFuture<Void>> logins = restarted.stream().map(Device::start).toList();
        AtomicInteger done = new AtomicInteger();
        logins.forEach(login -> login.whenComplete((ok, failure) -> {
            if (failure == null) {
                done.incrementAndGet();
            }
        }));
        try {
            CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new))
                    .get(reconnectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log("not all reconnected: " + e);
            restarted.stream().filter(d -> !d.loggedIn.isDone()).limit(5).forEach(d -> log("  " + d.phone
                    + " connected=" + d.client.isConnected() + " loggedIn=" + d.client.isLoggedIn()));
        }
        log("unplanned disconnects during the restart: " + disconnects);
        double reconnectSeconds = (System.nanoTime() - started) / 1e9;
        log(String.format(Locale.ROOT, "%d of %d LoggedIn again after %.2f s", done.get(), sessions, reconnectSeconds));
        System.out.printf(Locale.ROOT, "java\t%d\t%d\t%d\t%.2f\t%d%n", sessions, heapPerSession, rssPerSession,
                done.get() == sessions ? reconnectSeconds : Double.NaN, done.get());
        System.out.flush();
        stopAll(restarted);
    }

    /** Creates the accounts and links one device each, {@code concurrency} at a time. */
    private List<Device> link(int count, int concurrency, Duration timeout) throws Exception {
        List<Device> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String phone = phonePrefix + String.format(Locale.ROOT, "%07d", nextPhone++);
            post("/accounts", Json.createObjectBuilder().add("phoneNumber", phone).build());
            devices.add(new Device(phone, new InMemoryCredentialsStore(), new InMemoryPreKeyStore()));
        }
        Semaphore slots = new Semaphore(concurrency);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Void>> logins = new ArrayList<>(count);
        for (Device device : devices) {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("linking took longer than " + timeout);
            }
            logins.add(device.start().whenComplete((ok, failure) -> slots.release()));
            if (logins.size() % 100 == 0) {
                log("  " + logins.size() + " started");
            }
        }
        CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new))
                .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return devices;
    }

    private void stopAll(List<Device> devices) throws Exception {
        for (Device device : devices) {
            device.stopping = true;
            if (device.client.isConnected()) {
                device.client.disconnect();
            } else {
                device.closed.complete(null);
            }
        }
        CompletableFuture.allOf(devices.stream().map(d -> d.closed).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
    }

    /** Heap used after full GCs and VmRSS: the median of three samples each. */
    private static long[] measure() throws Exception {
        long[] heap = new long[3];
        long[] rss = new long[3];
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
            heap[i] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            rss[i] = rssBytes();
        }
        Arrays.sort(heap);
        Arrays.sort(rss);
        return new long[] {heap[1], rss[1]};
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> answer = control.send(HttpRequest.newBuilder(controlUrl.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return parse(path, answer);
    }

    private JsonObject post(String path, JsonObject body) throws Exception {
        return parse(path, control.send(request(path, body), HttpResponse.BodyHandlers.ofString()));
    }

    private CompletableFuture<JsonObject> postAsync(String path, JsonObject body) {
        return control.sendAsync(request(path, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> parse(path, answer));
    }

    private HttpRequest request(String path, JsonObject body) {
        return HttpRequest.newBuilder(controlUrl.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static JsonObject parse(String path, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static void log(String message) {
        System.err.println("[java] " + message);
    }
}
