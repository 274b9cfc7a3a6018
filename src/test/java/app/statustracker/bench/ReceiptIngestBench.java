package app.statustracker.bench;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.client.ClientConfig;
import app.statustracker.wa.client.ClientEvent;
import app.statustracker.wa.client.StatusStores;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.StatusReceipt;
import app.statustracker.wa.status.TextStatus;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnector;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Receipts recorded per second for one session on PostgreSQL (bench/receipts.sh). {@code --statuses} statuses with
 * {@code --viewers} viewers each; every viewer sends a delivery receipt for every status, then a read receipt:
 * statuses × viewers × 2 receipts, one per stanza (the per-viewer shape, docs/protocol.md, Receipts), viewer after
 * viewer. A receipt counts once its stanza is acked, which the batcher does only after the commit
 * ({@link ReceiptPipeline}).
 * <ul>
 *   <li>{@code --mode direct}: the stanzas' receipts are handed to the pipeline as fast as one thread can, as the
 *       runtime hands them over; measures the batcher and the upserts alone.</li>
 *   <li>{@code --mode simulator}: the whole way in. Our client posts the statuses through the standalone simulator,
 *       whose control port then injects the receipts (1,000 viewers per request); the simulator sends each as a
 *       {@code <receipt>} stanza over the Noise connection, our client parses it and reports it, the pipeline
 *       commits it and our client acks it to the simulator. Simulator, client and PostgreSQL share the machine.</li>
 * </ul>
 * A warm-up round (a tenth of the volume, other statuses) runs first. The database is checked afterwards: one row
 * per status and viewer, each with its delivery and view time. Output: one tab-separated line
 * ({@code java mode receipts seconds receiptsPerSecond}); progress on stderr.
 */
public final class ReceiptIngestBench {
    private static final String SESSION = "bench-session";

    private ReceiptIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "direct";
        URI controlUrl = null;
        int statuses = 10;
        int viewers = 5_000;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--mode" -> mode = value;
                case "--control-url" -> controlUrl = URI.create(value);
                case "--statuses" -> statuses = Integer.parseInt(value);
                case "--viewers" -> viewers = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BenchDatabase database = new BenchDatabase()) {
            long sessionPk = database.insertSession(SESSION);
            switch (mode) {
                case "direct" -> direct(database, sessionPk, statuses, viewers);
                case "simulator" -> throughSimulator(database, sessionPk, controlUrl, statuses, viewers);
                default -> throw new IllegalArgumentException("--mode is direct or simulator");
            }
        }
        System.exit(0);
    }

    private static void direct(BenchDatabase database, long sessionPk, int statuses, int viewers) throws Exception {
        try (ReceiptPipeline pipeline = new ReceiptPipeline(database.dataSource())) {
            List<String> warmupIds = insertStatuses(database, sessionPk, "3EB0WARM", statuses);
            run(pipeline, "warm-up", warmupIds, viewers / 10);
            List<String> ids = insertStatuses(database, sessionPk, "3EB0BENCH", statuses);
            long total = (long) ids.size() * viewers * 2;
            long started = System.nanoTime();
            run(pipeline, "timed", ids, viewers);
            double seconds = (System.nanoTime() - started) / 1e9;
            check(database, ids, viewers);
            report("direct", total, seconds, pipeline);
        }
    }

    /** Hands every receipt to the pipeline, one stanza each, and waits until all are committed. */
    private static void run(ReceiptPipeline pipeline, String label, List<String> ids, int viewers) throws Exception {
        long before = pipeline.committed();
        long total = (long) ids.size() * viewers * 2;
        Instant now = Instant.now();
        for (StatusReceipt.Kind kind : List.of(StatusReceipt.Kind.DELIVERY, StatusReceipt.Kind.READ)) {
            for (int v = 0; v < viewers; v++) {
                Jid lid = Jid.of(String.format(Locale.ROOT, "1000000%08d", v), "lid");
                Optional<Jid> pn = Optional.of(Jid.of(String.format(Locale.ROOT, "1666%07d", v), "s.whatsapp.net"));
                for (String id : ids) {
                    pipeline.offer(SESSION, List.of(new StatusReceipt(id, lid, pn, kind, now)), () -> { });
                }
            }
        }
        awaitCommitted(pipeline, before + total, label);
    }

    private static void throughSimulator(BenchDatabase database, long sessionPk, URI controlUrl, int statuses,
                                         int viewers) throws Exception {
        if (controlUrl == null) {
            throw new IllegalArgumentException("--mode simulator needs --control-url");
        }
        SimulatorControlClient control = new SimulatorControlClient(controlUrl);
        long started = System.nanoTime();
        String contact = "17760000000";
        control.createAccount(contact);
        control.addVirtualCompanions(contact, 1, 4);
        List<String> viewerPhones = new ArrayList<>(viewers);
        for (int v = 0; v < viewers; v++) {
            viewerPhones.add(String.format(Locale.ROOT, "1666%07d", v));
            control.createAccount(viewerPhones.get(v));
        }
        log(String.format(Locale.ROOT, "%d viewer accounts in %.1f s", viewers, (System.nanoTime() - started) / 1e9));

        JsonObject info = control.info();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        ClientConfig config = ClientConfig.defaults(URI.create(info.getString("wsUrl")), new CertificateChainVerifier(
                HexFormat.of().parseHex(info.getString("rootPublicKey")), 0, Clock.systemUTC()));
        try (ReceiptPipeline pipeline = new ReceiptPipeline(database.dataSource())) {
            LinkedPoster poster = LinkedPoster.link(control, "17750000000",
                    new WaConnector(http, scheduler, TransportOptions.defaults()), scheduler, config,
                    StatusStores.inMemory(), event -> {
                        if (event instanceof ClientEvent.StatusReceipts receipts) {
                            pipeline.offer(SESSION, receipts.receipts(), receipts.ackAfterCommit());
                        }
                    });
            List<String> warmupIds = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (List<String> list : List.of(warmupIds, ids)) {
                for (int s = 0; s < statuses; s++) {
                    PostedStatus posted = poster.client.postStatus(TextStatus.plain("status " + s), List.of(contact))
                            .get(30, TimeUnit.SECONDS);
                    database.insertStatus(sessionPk, posted.messageId());
                    list.add(posted.messageId());
                }
            }
            inject(control, pipeline, "warm-up", warmupIds, viewerPhones.subList(0, viewers / 10));
            long total = (long) ids.size() * viewers * 2;
            long start = System.nanoTime();
            inject(control, pipeline, "timed", ids, viewerPhones);
            double seconds = (System.nanoTime() - start) / 1e9;
            poster.stop();
            check(database, ids, viewers);
            report("simulator", total, seconds, pipeline);
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** The simulator sends the receipts (1,000 viewers per control request); waits until all are committed. */
    private static void inject(SimulatorControlClient control, ReceiptPipeline pipeline, String label,
                               List<String> ids, List<String> viewers) throws Exception {
        long before = pipeline.committed();
        long started = System.nanoTime();
        long t = Instant.now().getEpochSecond();
        for (String type : new String[] {null, "read"}) {
            for (int from = 0; from < viewers.size(); from += 1000) {
                List<String> chunk = viewers.subList(from, Math.min(viewers.size(), from + 1000));
                for (String id : ids) {
                    control.injectReceipts(id, chunk, type, t);
                }
            }
        }
        log(String.format(Locale.ROOT, "%s: the simulator took the %d receipts in %.2f s", label,
                (long) ids.size() * viewers.size() * 2, (System.nanoTime() - started) / 1e9));
        awaitCommitted(pipeline, before + (long) ids.size() * viewers.size() * 2, label);
    }

    private static void awaitCommitted(ReceiptPipeline pipeline, long target, String label) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pipeline.committed() < target) {
            if (System.nanoTime() > nextReport) {
                log(label + ": " + pipeline.committed() + " of " + target + " committed");
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + ": only " + pipeline.committed() + " of " + target
                        + " receipts committed within 3 minutes");
            }
            Thread.sleep(2);
        }
    }

    private static List<String> insertStatuses(BenchDatabase database, long sessionPk, String prefix, int count)
            throws Exception {
        List<String> ids = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            String id = prefix + String.format(Locale.ROOT, "%06d", s);
            database.insertStatus(sessionPk, id);
            ids.add(id);
        }
        return ids;
    }

    /** One row per status and viewer, each with its delivery and view time: nothing lost, nothing doubled. */
    private static void check(BenchDatabase database, List<String> ids, int viewers) throws Exception {
        String statuses = "(SELECT id FROM statuses WHERE message_id IN ('" + String.join("','", ids) + "'))";
        long rows = database.count("SELECT count(*) FROM status_viewers WHERE status_pk IN " + statuses);
        long complete = database.count("SELECT count(*) FROM status_viewers WHERE status_pk IN " + statuses
                + " AND delivered_at IS NOT NULL AND viewed_at IS NOT NULL AND phone_number IS NOT NULL");
        long expected = (long) ids.size() * viewers;
        if (rows != expected || complete != expected) {
            throw new IllegalStateException("expected " + expected + " viewer rows with delivery, view and phone; "
                    + "found " + rows + " rows, " + complete + " complete");
        }
        log(rows + " viewer rows, each with delivery and view time and phone number");
    }

    private static void report(String mode, long total, double seconds, ReceiptPipeline pipeline) {
        log(String.format(Locale.ROOT, "%s: %d receipts recorded in %.2f s = %.0f receipts/s (%d viewer rows sent to "
                + "status-viewers-update listeners)", mode, total, seconds, total / seconds, pipeline.viewerUpdates()));
        System.out.printf(Locale.ROOT, "java\t%s\t%d\t%.2f\t%.0f%n", mode, total, seconds, total / seconds);
        System.out.flush();
    }

    private static void log(String message) {
        System.err.println("[java] " + message);
    }
}
