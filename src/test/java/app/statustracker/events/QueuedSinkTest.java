package app.statustracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueuedSinkTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Completes each delivery only when the test says so, as a client that reads slowly or not at all. */
    private class HeldSink extends QueuedSink {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        volatile String droppedFor;
        final boolean hold;

        HeldSink(int capacity, boolean hold) {
            super(capacity, executor);
            this.hold = hold;
        }

        @Override
        protected CompletionStage<?> deliver(PublishedEvent event) {
            delivered.add(event.supersedes() == null ? event.name() : event.dataJson());
            CompletableFuture<Void> done = hold ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
            pending.add(done);
            return done;
        }

        @Override
        protected void drop(String reason) {
            droppedFor = reason;
        }

        @Override
        public boolean isOpen() {
            return droppedFor == null;
        }
    }

    private static PublishedEvent event(int i) {
        return new PublishedEvent("e" + i, "s", "{}");
    }

    @Test
    void eventsArriveInTheOrderOffered() throws Exception {
        HeldSink sink = new HeldSink(10_000, false);
        for (int i = 0; i < 5_000; i++) {
            assertTrue(sink.offer(event(i)));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.delivered.size() < 5_000 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(5_000, sink.delivered.size());
        for (int i = 0; i < 5_000; i++) {
            assertEquals("e" + i, sink.delivered.get(i));
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhenItsQueueIsFullAndHoldsNoMore() throws Exception {
        HeldSink sink = new HeldSink(8, true);
        assertTrue(sink.offer(event(0))); // in flight, never completed
        Thread.sleep(50);
        for (int i = 1; i <= 8; i++) {
            assertTrue(sink.offer(event(i)), "queued " + i);
        }
        assertFalse(sink.offer(event(9)), "the ninth waiting event overflows");
        assertTrue(sink.isDropped());
        assertTrue(sink.droppedFor.contains("too slow"), sink.droppedFor);
        assertFalse(sink.offer(event(10)), "a dropped sink takes nothing");
        assertEquals(1, sink.delivered.size(), "nothing more was sent to the stalled client");
    }

    @Test
    void aFollowerOfOneSessionIsOfferedOnlyItsEvents() throws Exception {
        HeldSink sink = new HeldSink(10, false) {
            @Override
            protected boolean wants(PublishedEvent event) {
                return "mine".equals(event.sessionId());
            }
        };
        sink.offer(new PublishedEvent("a", "mine", "{}"));
        sink.offer(new PublishedEvent("b", "theirs", "{}"));
        sink.offer(new PublishedEvent("c", "mine", "{}"));
        Thread.sleep(200);
        assertEquals(List.of("a", "c"), sink.delivered);
    }

    private static PublishedEvent list(String status, int version) {
        return new PublishedEvent("status-viewers-update", "s", "s\n" + status, "{\"v\":\"" + status + version + "\"}");
    }

    private static void await(HeldSink sink, int delivered) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.delivered.size() < delivered && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(delivered, sink.delivered.size(), String.valueOf(sink.delivered));
    }

    @Test
    void aNewerListReplacesTheWaitingOneOfTheSameStatusAndJoinsAtTheTail() throws Exception {
        HeldSink sink = new HeldSink(16, true);
        sink.offer(event(0)); // in flight: the client is not reading
        await(sink, 1);
        sink.offer(list("a", 1));
        sink.offer(list("b", 1));
        sink.offer(list("a", 2)); // a1 was waiting: gone, a2 after b1
        sink.offer(event(1));
        sink.offer(list("a", 3)); // a2 was waiting: gone, a3 after e1 (which happened before it)
        assertEquals(3, sink.waiting(), "b1, e1, a3");
        for (int i = 0; i < 3; i++) {
            sink.pending.get(i).complete(null);
            await(sink, i + 2);
        }
        assertEquals(List.of("e0", "{\"v\":\"b1\"}", "e1", "{\"v\":\"a3\"}"), sink.delivered);
    }

    @Test
    void aStalledClientWithOnlyListsHoldsOnePerStatusAndIsNotDropped() throws Exception {
        HeldSink sink = new HeldSink(8, true);
        sink.offer(event(0));
        await(sink, 1);
        for (int v = 1; v <= 1_000; v++) {
            for (String status : List.of("a", "b", "c")) {
                assertTrue(sink.offer(list(status, v)));
            }
        }
        assertEquals(3, sink.waiting(), "the newest list of each of the three statuses");
        assertFalse(sink.isDropped());
    }
}
