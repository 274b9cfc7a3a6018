package app.statustracker.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.domain.ReceiptKind;
import app.statustracker.domain.ViewerTimes;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The receipt upserts on the real databases: earliest times kept, no double counting, unknown ids reported. */
class ViewerReceiptWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("postgresql", (Supplier<MigratedDatabase>) MigratedDatabase::postgres),
                Arguments.of("h2", (Supplier<MigratedDatabase>) MigratedDatabase::h2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void mergesReceiptsIdempotentlyKeepingTheEarliestTimes(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long session = d.insertSession("acc1");
            long status = d.insertStatus(session, "3EB0AAA");
            String pn = "15550001111@s.whatsapp.net";
            write(d, Map.of("acc1", List.of(receipt("3EB0AAA", pn, "15550001111", null, ReceiptKind.DELIVERY, 10))));
            // a later delivery from the viewer's second device, then the view, then a redelivered early view
            ReceiptBatchResult r = write(d, Map.of("acc1", List.of(
                    receipt("3EB0AAA", pn, "15550001111", null, ReceiptKind.DELIVERY, 20),
                    receipt("3EB0AAA", pn, "15550001111", null, ReceiptKind.READ, 30))));
            write(d, Map.of("acc1", List.of(receipt("3EB0AAA", pn, "15550001111", null, ReceiptKind.READ, 25))));
            write(d, Map.of("acc1", List.of(receipt("3EB0AAA", pn, "15550001111", null, ReceiptKind.READ, 40))));

            assertEquals(1, d.count("SELECT COUNT(*) FROM status_viewers"), "one row per viewer");
            List<ViewerRow> viewers = r.viewers().get("acc1").get("3EB0AAA");
            assertEquals(1, viewers.size());
            assertEquals(T0.plusSeconds(10), viewers.get(0).deliveredAt().toInstant());
            assertEquals(T0.plusSeconds(30), viewers.get(0).viewedAt().toInstant());
            ViewerRow now = only(write(d, Map.of("acc1", List.of(
                    receipt("3EB0AAA", pn, null, null, ReceiptKind.DELIVERY, 50)))), "acc1", "3EB0AAA");
            assertEquals(T0.plusSeconds(10), now.deliveredAt().toInstant(), "first delivery kept");
            assertEquals(T0.plusSeconds(25), now.viewedAt().toInstant(), "an earlier view, redelivered, wins");
            assertNull(now.playedAt());
            assertEquals("15550001111", now.phoneNumber());
            assertEquals(pn, now.jid());
            assertEquals(1, d.count("SELECT COUNT(*) FROM status_viewers WHERE status_pk = " + status));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aViewWithoutDeliveryCountsAsDeliveredAndAPlayAsAView(String name, Supplier<MigratedDatabase> db)
            throws Exception {
        try (MigratedDatabase d = db.get()) {
            long session = d.insertSession("acc1");
            d.insertStatus(session, "3EB0BBB");
            ReceiptBatchResult r = write(d, Map.of("acc1", List.of(
                    receipt("3EB0BBB", "15550002222@s.whatsapp.net", "15550002222", null, ReceiptKind.READ, 5),
                    receipt("3EB0BBB", "15550003333@s.whatsapp.net", "15550003333", null, ReceiptKind.PLAYED, 7))));
            List<ViewerRow> rows = r.viewers().get("acc1").get("3EB0BBB");
            assertEquals(2, rows.size());
            ViewerRow read = rows.get(0);
            assertEquals("15550002222", read.phoneNumber());
            assertEquals(read.viewedAt(), read.deliveredAt());
            assertNull(read.playedAt());
            ViewerRow played = rows.get(1);
            assertEquals(T0.plusSeconds(7), played.playedAt().toInstant());
            assertEquals(played.playedAt(), played.viewedAt());
            assertEquals(played.playedAt(), played.deliveredAt());
            assertEquals(2, d.count("SELECT COUNT(viewed_at) FROM status_viewers"));
            assertEquals(1, d.count("SELECT COUNT(played_at) FROM status_viewers"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lidViewersGetTheirNumberFromTheReceiptTheLidMapOrTheRecipients(String name, Supplier<MigratedDatabase> db)
            throws Exception {
        try (MigratedDatabase d = db.get()) {
            long session = d.insertSession("acc1");
            long status = d.insertStatus(session, "3EB0CCC");
            d.insertRecipient(status, "200000000000003@lid", "15550009999");
            // the first receipt names the PN beside the LID; it is learned for later receipts without one
            write(d, Map.of("acc1", List.of(receipt("3EB0CCC", "100000000000001@lid", "15550004444",
                    "100000000000001", ReceiptKind.DELIVERY, 1))));
            d.insertStatus(session, "3EB0DDD");
            ReceiptBatchResult r = write(d, Map.of("acc1", List.of(
                    receipt("3EB0DDD", "100000000000001@lid", null, "100000000000001", ReceiptKind.READ, 2),
                    receipt("3EB0CCC", "200000000000003@lid", null, "200000000000003", ReceiptKind.READ, 3),
                    receipt("3EB0CCC", "300000000000004@lid", null, "300000000000004", ReceiptKind.READ, 4))));
            assertEquals("15550004444", only(r, "acc1", "3EB0DDD").phoneNumber(), "from the LID map");
            List<ViewerRow> ccc = r.viewers().get("acc1").get("3EB0CCC");
            assertEquals(3, ccc.size());
            assertEquals("15550009999", ccc.stream().filter(v -> v.jid().startsWith("2000")).findFirst().orElseThrow()
                    .phoneNumber(), "from the recipient addressed by that LID");
            assertNull(ccc.stream().filter(v -> v.jid().startsWith("3000")).findFirst().orElseThrow().phoneNumber(),
                    "unknown stays unknown");
            assertEquals(1, d.count("SELECT COUNT(*) FROM lid_mappings WHERE pn_user = '15550004444'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void unknownStatusesAndSessionsAreReportedAndWriteNothing(String name, Supplier<MigratedDatabase> db)
            throws Exception {
        try (MigratedDatabase d = db.get()) {
            long session = d.insertSession("acc1");
            d.insertStatus(session, "3EB0EEE");
            long other = d.insertSession("acc2");
            d.insertStatus(other, "3EB0FFF");
            ReceiptBatchResult r = write(d, Map.of(
                    "acc1", List.of(receipt("3EB0FFF", "15550001111@s.whatsapp.net", "15550001111", null,
                            ReceiptKind.READ, 1)),
                    "gone", List.of(receipt("3EB0EEE", "15550001111@s.whatsapp.net", "15550001111", null,
                            ReceiptKind.READ, 1))));
            assertEquals(Set.of("gone"), r.unknownSessions());
            assertEquals(Set.of("3EB0FFF"), r.unknownStatusIds().get("acc1"), "another session's status is not ours");
            assertTrue(r.viewers().isEmpty());
            assertEquals(0, d.count("SELECT COUNT(*) FROM status_viewers"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLargeBatchIsOneTransactionAndFast(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long session = d.insertSession("acc1");
            for (int s = 0; s < 10; s++) {
                d.insertStatus(session, "3EB0S" + s);
            }
            int viewers = 2_000;
            List<ViewerReceipt> receipts = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                for (int v = 0; v < viewers; v++) {
                    String user = Long.toString(15550000000L + v);
                    receipts.add(receipt("3EB0S" + s, user + "@s.whatsapp.net", user, null,
                            v % 2 == 0 ? ReceiptKind.READ : ReceiptKind.DELIVERY, v % 60));
                }
            }
            write(d, Map.of("acc1", receipts.subList(0, 2_000))); // warm-up
            int total = 0;
            long start = System.nanoTime();
            for (int from = 0; from < receipts.size(); from += 500) {
                write(d, Map.of("acc1", receipts.subList(from, Math.min(receipts.size(), from + 500))));
                total += Math.min(500, receipts.size() - from);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d receipts in batches of 500: %.0f receipts/s%n", name, total, total / seconds);
            assertEquals(10L * viewers, d.count("SELECT COUNT(*) FROM status_viewers"));
            assertEquals(5L * viewers, d.count("SELECT COUNT(viewed_at) FROM status_viewers"));
        }
    }

    private static ViewerRow only(ReceiptBatchResult r, String session, String status) {
        List<ViewerRow> rows = r.viewers().get(session).get(status);
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static ReceiptBatchResult write(MigratedDatabase d, Map<String, List<ViewerReceipt>> batch)
            throws Exception {
        try (Connection c = d.connect()) {
            c.setAutoCommit(false);
            ReceiptBatchResult r = ViewerReceiptWriter.write(c, batch);
            c.commit();
            return r;
        }
    }

    private static ViewerReceipt receipt(String status, String jid, String phone, String lid, ReceiptKind kind,
                                         int secondsAfterT0) {
        return new ViewerReceipt(status, jid, phone, lid, ViewerTimes.of(kind, T0.plus(secondsAfterT0, ChronoUnit.SECONDS)));
    }
}
