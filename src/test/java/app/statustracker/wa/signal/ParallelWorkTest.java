package app.statustracker.wa.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelWorkTest {

    @Test
    void everyIndexRunsExactlyOnceAndHelpersTakePart() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicIntegerArray calls = new AtomicIntegerArray(1000);
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            new ParallelWork(pool, 4).forEach(1000, i -> {
                calls.incrementAndGet(i);
                threads.add(Thread.currentThread());
                busy();
            });
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, calls.get(i), "index " + i);
            }
            assertTrue(threads.size() > 1, "only the caller worked");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCallerFinishesAloneWhenNoHelperEverRuns() {
        AtomicIntegerArray calls = new AtomicIntegerArray(200);
        // a pool that accepts the helpers and never runs them, and one that refuses them
        new ParallelWork(task -> { }, 4).forEach(200, calls::incrementAndGet);
        new ParallelWork(task -> {
            throw new RejectedExecutionException("full");
        }, 4).forEach(200, calls::incrementAndGet);
        for (int i = 0; i < 200; i++) {
            assertEquals(2, calls.get(i), "index " + i);
        }
    }

    @Test
    void aFailureIsRethrownAfterTheOtherChunksAreDone() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            IllegalStateException boom = new IllegalStateException("boom");
            AtomicIntegerArray calls = new AtomicIntegerArray(400);
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> new ParallelWork(pool, 3).forEach(400, i -> {
                        calls.incrementAndGet(i);
                        if (i == 7) {
                            throw boom;
                        }
                    }));
            assertSame(boom, thrown);
            int done = 0;
            for (int i = 0; i < 400; i++) {
                done += calls.get(i);
            }
            assertTrue(done > 300, "the other chunks still ran: " + done);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atLeastOneThreadIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelWork(Runnable::run, 0));
    }

    private static void busy() {
        long until = System.nanoTime() + 20_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
