package app.statustracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescedViewerUpdatesTest {
    /** Keeps the interval ends instead of waiting for them; the test runs them when it wants. */
    private static final class ManualScheduler extends ScheduledThreadPoolExecutor {
        final List<Runnable> due = new ArrayList<>();

        ManualScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            due.add(task);
            return null;
        }

        void endIntervals() {
            List<Runnable> now = new ArrayList<>(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Object> published = new ArrayList<>();
    private final CoalescedViewerUpdates updates =
            new CoalescedViewerUpdates(Duration.ofMillis(250), scheduler, (state, update) -> published.add(update));

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    @Test
    void theFirstGoesOutAtOnceAndOnlyTheLatestOfABurstFollows() {
        updates.offer("s", "st1", "v1");
        updates.offer("s", "st1", "v2");
        updates.offer("s", "st1", "v3");
        assertEquals(List.of("v1"), published);
        scheduler.endIntervals();
        assertEquals(List.of("v1", "v3"), published);
        scheduler.endIntervals(); // nothing came in the second interval: the window closes
        assertEquals(0, updates.openWindows());
        updates.offer("s", "st1", "v4");
        assertEquals(List.of("v1", "v3", "v4"), published, "a quiet status sends at once again");
    }

    @Test
    void statusesAreCoalescedEachOnTheirOwn() {
        updates.offer("s", "st1", "a1");
        updates.offer("s", "st2", "b1");
        updates.offer("s", "st1", "a2");
        assertEquals(List.of("a1", "b1"), published);
        scheduler.endIntervals();
        assertEquals(List.of("a1", "b1", "a2"), published);
    }

    @Test
    void anotherEventOfTheSessionGoesOutAfterItsPendingUpdates() {
        updates.offer("s", "st1", "v1");
        updates.offer("s", "st1", "v2");
        updates.offer("other", "st9", "o1");
        updates.offer("other", "st9", "o2");
        updates.afterPending("s", () -> published.add("status-deleted"));
        assertEquals(List.of("v1", "o1", "v2", "status-deleted"), published, "o2 belongs to another session");
        scheduler.endIntervals();
        assertEquals(List.of("v1", "o1", "v2", "status-deleted", "o2"), published, "v2 is not sent twice");
    }

    @Test
    void zeroIntervalSendsEveryUpdate() {
        CoalescedViewerUpdates every = new CoalescedViewerUpdates(Duration.ZERO, scheduler, (state, update) -> published.add(update));
        every.offer("s", "st1", "v1");
        every.offer("s", "st1", "v2");
        assertEquals(List.of("v1", "v2"), published);
        assertEquals(0, scheduler.due.size());
    }

    @Test
    void shuttingDownSendsWhatIsPending() {
        updates.offer("s", "st1", "v1");
        updates.offer("s", "st1", "v2");
        updates.flushAll();
        assertEquals(List.of("v1", "v2"), published);
        scheduler.endIntervals();
        assertEquals(List.of("v1", "v2"), published);
    }
}
