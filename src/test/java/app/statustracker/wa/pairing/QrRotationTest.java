package app.statustracker.wa.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QrRotationTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void firstRefLivesLongerThenEachNextThenExhaustion() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        CountDownLatch exhausted = new CountDownLatch(1);
        long start = System.nanoTime();
        QrRotation rotation = new QrRotation(List.of("r1", "r2", "r3"), Duration.ofMillis(300),
                Duration.ofMillis(100), scheduler, ref -> {
                    shown.add(ref);
                    at.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }, exhausted::countDown);
        rotation.start();
        assertTrue(exhausted.await(5, TimeUnit.SECONDS));
        long end = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(List.of("r1", "r2", "r3"), shown);
        assertTrue(at.get(0) < 100, "first ref at once: " + at);
        assertTrue(at.get(1) >= 300, "second after the first lifetime: " + at);
        assertTrue(at.get(2) - at.get(1) >= 100, "third after the next lifetime: " + at);
        assertTrue(end >= 500, "exhausted after 300 + 100 + 100 ms, was " + end);
    }

    @Test
    void cancelStopsTheRotation() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        CountDownLatch exhausted = new CountDownLatch(1);
        QrRotation rotation = new QrRotation(List.of("r1", "r2"), Duration.ofMillis(100), Duration.ofMillis(100),
                scheduler, shown::add, exhausted::countDown);
        rotation.start();
        rotation.cancel();
        assertTrue(!exhausted.await(400, TimeUnit.MILLISECONDS));
        assertEquals(List.of("r1"), shown);
    }
}
