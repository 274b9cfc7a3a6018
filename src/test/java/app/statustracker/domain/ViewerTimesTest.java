package app.statustracker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewerTimesTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aReadImpliesDeliveryAndAPlayImpliesBoth() {
        assertEquals(new ViewerTimes(T, null, null), ViewerTimes.of(ReceiptKind.DELIVERY, T));
        assertEquals(new ViewerTimes(T, T, null), ViewerTimes.of(ReceiptKind.READ, T));
        assertEquals(new ViewerTimes(T, T, T), ViewerTimes.of(ReceiptKind.PLAYED, T));
    }

    @Test
    void mergingKeepsTheEarliestTimeOfEach() {
        ViewerTimes delivered = ViewerTimes.of(ReceiptKind.DELIVERY, T);
        ViewerTimes read = ViewerTimes.of(ReceiptKind.READ, T.plusSeconds(60));
        ViewerTimes both = delivered.merge(read);
        assertEquals(T, both.deliveredAt());
        assertEquals(T.plusSeconds(60), both.viewedAt());
        assertNull(both.playedAt());
        assertEquals(both, read.merge(delivered), "order does not matter");
        assertEquals(both, both.merge(read).merge(delivered), "repeats change nothing");
        ViewerTimes lateDelivery = both.merge(ViewerTimes.of(ReceiptKind.DELIVERY, T.plusSeconds(120)));
        assertEquals(T, lateDelivery.deliveredAt(), "a later delivery from another device keeps the first");
    }

    @Test
    void anyOrderOfTheSameReceiptsGivesTheSameResult() {
        Random random = new Random(20261125);
        for (int round = 0; round < 200; round++) {
            List<ViewerTimes> receipts = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                receipts.add(ViewerTimes.of(ReceiptKind.values()[random.nextInt(3)], T.plusSeconds(random.nextInt(100))));
            }
            ViewerTimes expected = fold(receipts);
            Collections.shuffle(receipts, random);
            List<ViewerTimes> duplicated = new ArrayList<>(receipts);
            duplicated.addAll(receipts.subList(0, receipts.size() / 2));
            assertEquals(expected, fold(duplicated));
            Instant minDelivered = receipts.stream().map(ViewerTimes::deliveredAt).min(Instant::compareTo).orElseThrow();
            assertEquals(minDelivered, expected.deliveredAt(), "every receipt is at least a delivery");
        }
    }

    private static ViewerTimes fold(List<ViewerTimes> receipts) {
        ViewerTimes t = ViewerTimes.NONE;
        for (ViewerTimes r : receipts) {
            t = t.merge(r);
        }
        return t;
    }
}
