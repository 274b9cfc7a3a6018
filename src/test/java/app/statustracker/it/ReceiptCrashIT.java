package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.delivery.PendingStanza;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.state.DeviceAddress;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * No view is lost to a crash (docs/decisions.md, Status integration tests): 250 viewers each confirm delivery and
 * then view a status, 500 receipts in a steady stream through the simulator; the server is killed with SIGKILL while
 * they arrive, after it has acked some; the rest stay owed (unacked on the dead connection, or queued while it is
 * down) and the simulator redelivers them at the next login. After the restart every receipt is recorded exactly
 * once, with the time it carried.
 */
// reads the PostgreSQL schema directly; the H2 execution has none (and runs only *H2IT unless told otherwise)
@EnabledIfSystemProperty(named = "st.pg.schema", matches = "st_it_\\d+")
class ReceiptCrashIT {
    private static final String SESSION = "crash1";
    private static final String POSTER = "15554700000";
    private static final int VIEWERS = 250;
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    private static final int ACKED_BEFORE_KILL = 100;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void everyReceiptIsRecordedExactlyOnceAcrossAKill9() throws Exception {
        WaSimulator sim = ItSimulator.get();
        List<String> viewers = IntStream.range(0, VIEWERS).mapToObj(i -> "1555471%04d".formatted(i)).toList();
        viewers.forEach(sim::createAccount);
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "it-receipt-crash-" + System.nanoTime());
        try (ServerProcess server = new ServerProcess(data)) {
            ApiClient api = server.start(Duration.ofSeconds(180));
            int device = QrLinking.link(api, sim, SESSION, POSTER);
            Reply posted = api.post("/api/sessions/" + SESSION + "/send-status", "{\"type\":\"text\",\"content\":"
                    + "\"Who is still up? 🌙\",\"targetNumbers\":\"" + String.join(",", viewers) + "\"}");
            assertEquals(200, posted.status(), posted.raw());
            String statusId = posted.json().getJsonObject("data").getString("id");

            // viewer i: delivered at t0 + i, viewed at t0 + 300 + i; all deliveries first, then all views
            long t0 = Instant.now().getEpochSecond();
            AtomicInteger injected = new AtomicInteger();
            Thread stream = new Thread(() -> {
                for (int k = 0; k < 2 * VIEWERS; k++) {
                    int i = k % VIEWERS;
                    boolean read = k >= VIEWERS;
                    sim.injectReceipt(statusId, viewers.get(i), read ? "read" : null, t0 + (read ? 300 : 0) + i);
                    injected.incrementAndGet();
                    LockSupport.parkNanos(PACE_NANOS);
                }
            }, "receipt-stream");
            stream.start();

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (acked(sim, device, statusId, injected) < ACKED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            server.kill();
            int injectedAtKill = injected.get();
            long unackedOnDeadConnection = OwedReceipts.of(sim, POSTER, device, statusId).stream()
                    .filter(p -> !p.queued()).count();
            stream.join(TimeUnit.SECONDS.toMillis(30));
            assertEquals(2 * VIEWERS, injected.get(), "the whole stream was injected");
            // a dead server acks nothing: whatever is not owed now was acked (so committed) before the kill
            List<PendingStanza> owed = OwedReceipts.of(sim, POSTER, device, statusId);
            int ackedBeforeKill = 2 * VIEWERS - owed.size();
            System.out.printf("kill -9 after %d of %d receipts injected: %d acked, %d sent but unacked, "
                            + "%d owed when the stream ended%n", injectedAtKill, 2 * VIEWERS, ackedBeforeKill,
                    unackedOnDeadConnection, owed.size());
            assertTrue(ackedBeforeKill >= ACKED_BEFORE_KILL, "the server acked some before it died: " + ackedBeforeKill);
            assertTrue(injectedAtKill < 2 * VIEWERS, "killed while receipts were still arriving");

            long journalMark = sim.journal().lastSequence();
            Set<String> connectionsBefore = sim.connections().stream().map(SimConnection::id)
                    .collect(Collectors.toSet());
            api = server.start(Duration.ofSeconds(180));
            SessionStatus.await(api, SESSION, s -> s.getBoolean("connected"), WAIT);
            deadline = System.nanoTime() + WAIT.toNanos();
            while (!OwedReceipts.of(sim, POSTER, device, statusId).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), OwedReceipts.of(sim, POSTER, device, statusId), "all acked after the restart");
            long redelivered = sim.journal().since(journalMark).stream().filter(SeenStanza::isOutbound)
                    .filter(s -> "1".equals(s.node().attr("offline")) && OwedReceipts.about(s.node(), statusId))
                    .count();
            assertTrue(redelivered >= owed.size(), "each owed receipt came again at the login: " + redelivered);
            // one login after the restart: no second copy of the application resumed the session (PayaraRootDir)
            assertEquals(1, sim.connections().stream().filter(c -> !connectionsBefore.contains(c.id()))
                    .filter(c -> c.device().map(d -> d.equals(new DeviceAddress(POSTER, device))).orElse(false))
                    .count(), "logins of the poster's device after the restart");

            Map<String, JsonObject> recorded = StatusViews.viewers(api, SESSION, statusId);
            assertEquals(VIEWERS, recorded.size(), "one row per viewer");
            for (int i = 0; i < VIEWERS; i++) {
                JsonObject viewer = recorded.get(viewers.get(i));
                assertNotNull(viewer, viewers.get(i) + " missing");
                assertEquals(Instant.ofEpochSecond(t0 + i), StatusViews.time(viewer, "deliveredAt"), viewer.toString());
                assertEquals(Instant.ofEpochSecond(t0 + 300 + i), StatusViews.time(viewer, "viewedAt"),
                        viewer.toString());
            }
            JsonObject summary = StatusViews.summary(api, SESSION, statusId).orElseThrow();
            assertEquals(VIEWERS, summary.getInt("deliveredCount"), summary.toString());
            assertEquals(VIEWERS, summary.getInt("viewedCount"), summary.toString());
            assertEquals(VIEWERS, distinctViewerRows(statusId));
            assertEquals(200, api.delete("/api/sessions/" + SESSION).status());
        }
    }

    /** Receipts injected so far that the server has acked (committed); read in this order it never overstates. */
    private static int acked(WaSimulator sim, int device, String statusId, AtomicInteger injected) {
        int sent = injected.get();
        return sent - OwedReceipts.of(sim, POSTER, device, statusId).size();
    }

    private static long distinctViewerRows(String statusId) throws Exception {
        try (Connection c = PostgresSchema.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT v.viewer_jid) FROM "
                     + "status_viewers v JOIN statuses s ON s.id = v.status_pk WHERE s.message_id = ?")) {
            ps.setString(1, statusId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(rs.getLong(2), rs.getLong(1), "no viewer has two rows");
                return rs.getLong(1);
            }
        }
    }
}
