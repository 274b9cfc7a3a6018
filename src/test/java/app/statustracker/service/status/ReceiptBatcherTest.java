package app.statustracker.service.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.persistence.ReceiptBatchResult;
import app.statustracker.persistence.ViewerReceipt;
import app.statustracker.persistence.ViewerRow;
import app.statustracker.runtime.events.StatusReceiptsArrived;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.status.StatusReceipt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Batching, acks after the commit only, retries: with a fake database. */
class ReceiptBatcherTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final Jid PN = Jid.of("15550001111", "s.whatsapp.net");
    private static final Jid LID = Jid.of("100000000000001", 3, "lid");

    /** Remembers the batches; knows a fixed set of status ids; can be told to fail. */
    private static final class FakeDatabase implements ReceiptBatcher.Writer {
        final List<Map<String, List<ViewerReceipt>>> batches = new ArrayList<>();
        final Set<String> known = new HashSet<>(Set.of("S1", "S2"));
        final List<Runnable> duringWrite = new ArrayList<>();
        int failuresLeft;

        @Override
        public ReceiptBatchResult write(Map<String, List<ViewerReceipt>> bySession) {
            duringWrite.forEach(Runnable::run);
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("database down");
            }
            batches.add(bySession);
            Map<String, Set<String>> unknown = new HashMap<>();
            Map<String, Map<String, List<ViewerRow>>> lists = new HashMap<>();
            bySession.forEach((session, receipts) -> receipts.forEach(r -> {
                if (known.contains(r.statusId())) {
                    lists.computeIfAbsent(session, k -> new HashMap<>()).computeIfAbsent(r.statusId(),
                            k -> new ArrayList<>()).add(new ViewerRow(r.phoneNumber(), r.viewerJid(), null, null, null));
                } else {
                    unknown.computeIfAbsent(session, k -> new HashSet<>()).add(r.statusId());
                }
            }));
            return new ReceiptBatchResult(Set.of(), unknown, lists);
        }
    }

    private final FakeDatabase db = new FakeDatabase();
    private final List<String> events = new ArrayList<>();

    private ReceiptBatcher batcher(int batchMax) {
        return new ReceiptBatcher(db, (s, id, rows) -> events.add(s + "/" + id + "/" + rows.size()),
                batchMax, 1_000, Clock.fixed(T, ZoneOffset.UTC));
    }

    private static StatusReceiptsArrived stanza(AtomicInteger acks, StatusReceipt... receipts) {
        return new StatusReceiptsArrived("acc1", List.of(receipts), acks::incrementAndGet);
    }

    private static StatusReceipt read(String status, Jid viewer) {
        return new StatusReceipt(status, viewer, Optional.empty(), StatusReceipt.Kind.READ, T);
    }

    @Test
    void acksOnlyAfterTheBatchIsWrittenAndOneWriteServesManyStanzas() {
        ReceiptBatcher b = batcher(100);
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger acksSeenByWriter = new AtomicInteger(-1);
        db.duringWrite.add(() -> acksSeenByWriter.set(acks.get()));
        for (int i = 0; i < 5; i++) {
            assertFalse(b.offer(stanza(acks, read("S1", PN))));
        }
        assertEquals(0, acks.get(), "nothing acked before a flush");
        assertEquals(5, b.flush());
        assertEquals(0, acksSeenByWriter.get(), "no ack before the write returned");
        assertEquals(5, acks.get());
        assertEquals(1, db.batches.size(), "one transaction");
        assertEquals(1, db.batches.get(0).get("acc1").size(), "duplicates merged into one upsert");
        assertEquals(List.of("acc1/S1/1"), events, "one viewers update per touched status");
        assertEquals(0, b.flush());
    }

    @Test
    void aFullBatchAsksForAFlushAndBatchesAreCapped() {
        ReceiptBatcher b = batcher(3);
        AtomicInteger acks = new AtomicInteger();
        assertFalse(b.offer(stanza(acks, read("S1", PN))));
        assertFalse(b.offer(stanza(acks, read("S2", PN))));
        assertTrue(b.offer(stanza(acks, read("S1", LID))));
        assertTrue(b.offer(stanza(acks, read("S2", LID))));
        assertEquals(3, b.flush());
        assertEquals(1, b.queued());
        assertEquals(1, b.flush());
        assertEquals(4, acks.get());
    }

    @Test
    void receiptsForUnknownStatusesAreAckedAndChangeNothing() {
        ReceiptBatcher b = batcher(100);
        AtomicInteger acks = new AtomicInteger();
        b.offer(stanza(acks, read("NEW", PN)));
        b.flush();
        assertEquals(1, acks.get(), "dropped and acked: nothing would ever claim it");
        assertTrue(events.isEmpty(), events.toString());
    }

    @Test
    void aFailedWriteIsRetriedThenLeftUnacked() {
        ReceiptBatcher b = batcher(100);
        AtomicInteger acks = new AtomicInteger();
        db.failuresLeft = 1;
        b.offer(stanza(acks, read("S1", PN)));
        b.flush();
        assertEquals(0, acks.get());
        assertEquals(1, b.queued(), "kept for another try");
        b.flush();
        assertEquals(1, acks.get());

        db.failuresLeft = ReceiptBatcher.ATTEMPTS;
        AtomicInteger doomed = new AtomicInteger();
        b.offer(stanza(doomed, read("S1", PN)));
        for (int i = 0; i < ReceiptBatcher.ATTEMPTS; i++) {
            b.flush();
        }
        assertEquals(0, b.queued(), "given up: WhatsApp redelivers unacked receipts at the next connection");
        assertEquals(0, doomed.get());
    }

    @Test
    void viewersAreNamedWithoutDeviceAndWithTheNumberWhenKnown() {
        ViewerReceipt lid = ReceiptBatcher.viewerReceipt(new StatusReceipt("S1", LID,
                Optional.of(Jid.of("15550002222", "s.whatsapp.net")), StatusReceipt.Kind.PLAYED, T));
        assertEquals("100000000000001@lid", lid.viewerJid());
        assertEquals("15550002222", lid.phoneNumber());
        assertEquals("100000000000001", lid.lidUser());
        assertEquals(T, lid.times().playedAt());
        ViewerReceipt bareLid = ReceiptBatcher.viewerReceipt(new StatusReceipt("S1", LID, Optional.empty(),
                StatusReceipt.Kind.DELIVERY, T));
        assertNull(bareLid.phoneNumber());
        assertNull(bareLid.times().viewedAt());
        ViewerReceipt pn = ReceiptBatcher.viewerReceipt(new StatusReceipt("S1", Jid.of("15550001111", 2,
                "s.whatsapp.net"), Optional.empty(), StatusReceipt.Kind.READ, T));
        assertEquals("15550001111@s.whatsapp.net", pn.viewerJid());
        assertEquals("15550001111", pn.phoneNumber());
        assertNull(pn.lidUser());
    }

    @Test
    void receiptsOfOneViewerFromSeveralStanzasMergeByTheFirstTimeRules() {
        AtomicInteger acks = new AtomicInteger();
        Map<String, List<ViewerReceipt>> merged = ReceiptBatcher.byViewer(List.of(
                stanza(acks, new StatusReceipt("S1", LID, Optional.empty(), StatusReceipt.Kind.READ, T.plusSeconds(9))),
                stanza(acks, new StatusReceipt("S1", Jid.of(LID.user(), 0, "lid"),
                        Optional.of(Jid.of("15550002222", "s.whatsapp.net")), StatusReceipt.Kind.DELIVERY, T))));
        assertEquals(1, merged.get("acc1").size(), "two devices of one viewer are one viewer");
        ViewerReceipt v = merged.get("acc1").get(0);
        assertEquals(T, v.times().deliveredAt());
        assertEquals(T.plusSeconds(9), v.times().viewedAt());
        assertEquals("15550002222", v.phoneNumber(), "the number from either receipt");
    }
}
