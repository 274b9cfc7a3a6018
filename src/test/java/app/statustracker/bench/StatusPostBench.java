package app.statustracker.bench;

import app.statustracker.persistence.DbIdentityKeyStore;
import app.statustracker.persistence.DbLidMappingStore;
import app.statustracker.persistence.DbSenderKeyHolders;
import app.statustracker.persistence.DbSenderKeyStore;
import app.statustracker.persistence.DbSignalSessionStore;
import app.statustracker.persistence.KeyMaterialCipher;
import app.statustracker.persistence.LidMappingRepository;
import app.statustracker.persistence.SealedRecordRepository;
import app.statustracker.persistence.SenderKeyHolderRepository;
import app.statustracker.wa.client.ClientConfig;
import app.statustracker.wa.client.StatusStores;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.TextStatus;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Posting a text status to many contacts, Java side (bench/status-post.sh; Baileys side:
 * src/test/node/bench/status-post.mjs). Two modes against a standalone simulator:
 * <ul>
 *   <li>{@code --setup}: creates {@code --contacts} accounts, each with its phone (device 0) and
 *       {@code --companions} virtual companions holding real key material, and writes "phone TAB lid" lines to
 *       {@code --contacts-file}, which both sides read;</li>
 *   <li>otherwise, per repetition and per store kind ({@code --stores "memory jpa"}): a fresh account links a fresh
 *       {@link app.statustracker.wa.client.WaClient}, which posts a first status to all contacts (usync, a pre-key
 *       fetch and a session per device, the sender key to every device, the skmsg, the server ack) and a second one
 *       (the sender key is held already: one usync, the skmsg, the ack). Each post is timed from the call of
 *       {@code postStatus} to its completion, which waits for the server's ack.</li>
 * </ul>
 * "memory" is {@link StatusStores#inMemory()}; "jpa" is what the runtime gives a session: the Jpa* stores over
 * {@link SealedRecordRepository}, on a fresh PostgreSQL schema ({@link BenchDatabase}). Output: one tab-separated
 * line per repetition on stdout ({@code java stores rep firstMs secondMs firstPairwise secondPairwise}), the
 * {@code --warmup} repetitions are printed with rep = "warmup"; progress on stderr.
 */
public final class StatusPostBench {
    private StatusPostBench() {
    }

    public static void main(String[] args) throws Exception {
        URI controlUrl = null;
        Path contactsFile = Path.of("target/bench/status-contacts.tsv");
        boolean setup = false;
        int contacts = 500;
        int companions = 1;
        int oneTimeKeys = 30;
        int repetitions = 3;
        int warmup = 1;
        String stores = "memory jpa";
        String phonePrefix = "1778";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--setup" -> {
                    setup = true;
                    continue;
                }
                case "--control-url" -> controlUrl = URI.create(value);
                case "--contacts-file" -> contactsFile = Path.of(value);
                case "--contacts" -> contacts = Integer.parseInt(value);
                case "--companions" -> companions = Integer.parseInt(value);
                case "--one-time-keys" -> oneTimeKeys = Integer.parseInt(value);
                case "--repetitions" -> repetitions = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--stores" -> stores = value;
                case "--phone-prefix" -> phonePrefix = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (controlUrl == null) {
            throw new IllegalArgumentException("--control-url is required");
        }
        SimulatorControlClient control = new SimulatorControlClient(controlUrl);
        if (setup) {
            setUp(control, contactsFile, contacts, companions, oneTimeKeys);
        } else {
            measure(control, contactsFile, repetitions, warmup, List.of(stores.trim().split("\\s+")), phonePrefix);
        }
        System.exit(0);
    }

    private static void setUp(SimulatorControlClient control, Path file, int contacts, int companions,
                              int oneTimeKeys) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < contacts; i++) {
                String phone = "1777" + String.format(Locale.ROOT, "%07d", i);
                control.createAccount(phone);
                JsonObject account = control.addVirtualCompanions(phone, companions, oneTimeKeys);
                out.println(phone + "\t" + account.getString("lid"));
            }
        }
        log(String.format(Locale.ROOT, "%d contacts with their phone and %d virtual companion(s) each, %d one-time "
                + "pre-keys per companion, in %.1f s", contacts, companions, oneTimeKeys, (System.nanoTime() - started) / 1e9));
    }

    private static void measure(SimulatorControlClient control, Path file, int repetitions, int warmup,
                                List<String> storeKinds, String phonePrefix) throws Exception {
        List<String> phones = Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                .map(line -> line.split("\t")[0]).toList();
        JsonObject info = control.info();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(20)).build();
        WaConnector connector = new WaConnector(http, scheduler, TransportOptions.defaults());
        ClientConfig config = ClientConfig.defaults(URI.create(info.getString("wsUrl")), new CertificateChainVerifier(
                HexFormat.of().parseHex(info.getString("rootPublicKey")), 0, Clock.systemUTC()))
                .withStatusAckTimeout(Duration.ofSeconds(120));
        BenchDatabase database = storeKinds.contains("jpa") ? new BenchDatabase() : null;
        SealedRecordRepository sealed = null;
        if (database != null) {
            byte[] masterKey = new byte[32];
            new SecureRandom().nextBytes(masterKey);
            sealed = new SealedRecordRepository(database.dataSource(), new KeyMaterialCipher(masterKey));
        }
        int posters = 0;
        try {
            for (int rep = -warmup; rep < repetitions; rep++) {
                for (String kind : storeKinds) {
                    String phone = phonePrefix + String.format(Locale.ROOT, "%07d", posters++);
                    StatusStores stores = switch (kind) {
                        case "memory" -> StatusStores.inMemory();
                        case "jpa" -> jpaStores(database, sealed, "bench-" + phone);
                        default -> throw new IllegalArgumentException("--stores knows memory and jpa, not " + kind);
                    };
                    LinkedPoster poster = LinkedPoster.link(control, phone, connector, scheduler, config, stores,
                            event -> { });
                    Thread.sleep(1000); // the login's follow-ups (pre-key count, passive iq) are done
                    long[] first = post(control, poster, "first status of " + phone, phones);
                    long[] second = post(control, poster, "second status of " + phone, phones);
                    poster.stop();
                    String label = rep < 0 ? "warmup" : Integer.toString(rep + 1);
                    log(String.format(Locale.ROOT, "%s %s: first %.1f ms (%d pairwise), second %.1f ms (%d pairwise)",
                            kind, label, first[0] / 1e6, first[1], second[0] / 1e6, second[1]));
                    System.out.printf(Locale.ROOT, "java\t%s\t%s\t%.1f\t%.1f\t%d\t%d%n", kind, label, first[0] / 1e6,
                            second[0] / 1e6, first[1], second[1]);
                    System.out.flush();
                    System.gc();
                    Thread.sleep(500);
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
            scheduler.shutdownNow();
        }
    }

    /** What SessionRuntime gives a session: the Jpa* Signal stores over one row of {@code sessions}. */
    private static StatusStores jpaStores(BenchDatabase database, SealedRecordRepository sealed, String sessionId)
            throws Exception {
        long pk = database.insertSession(sessionId);
        return new StatusStores(new DbSignalSessionStore(sealed, pk), new DbIdentityKeyStore(sealed, pk),
                new DbSenderKeyStore(sealed, pk), new DbLidMappingStore(new LidMappingRepository(database.dataSource()), pk),
                new DbSenderKeyHolders(new SenderKeyHolderRepository(database.dataSource()), pk));
    }

    /** One timed post; returns {nanoseconds, devices that got a pairwise part according to the simulator}. */
    private static long[] post(SimulatorControlClient control, LinkedPoster poster, String text, List<String> phones)
            throws Exception {
        long started = System.nanoTime();
        PostedStatus posted = poster.client.postStatus(TextStatus.plain(text), phones).get(180, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - started;
        JsonObject relayed = control.awaitMessage(posted.messageId());
        if (relayed.containsKey("ackError")) {
            throw new IllegalStateException("the simulator refused " + posted.messageId() + ": " + relayed);
        }
        List<JsonValue> deliveries = new ArrayList<>(relayed.getJsonArray("deliveries"));
        long pairwise = deliveries.stream().filter(d -> d.asJsonObject().containsKey("encType")).count();
        if (posted.recipients().size() < phones.size()) {
            throw new IllegalStateException("only " + posted.recipients().size() + " of " + phones.size()
                    + " contacts were addressed");
        }
        return new long[] {elapsed, pairwise};
    }

    private static void log(String message) {
        System.err.println("[java] " + message);
    }
}
