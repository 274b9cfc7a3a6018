package app.statustracker.wa.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Queues client events so that a test can wait for each in turn. */
final class RecordingClientListener implements ClientListener {
    private final BlockingQueue<ClientEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(ClientEvent event) {
        events.add(event);
    }

    /** The next event, which must be of this type. */
    <T extends ClientEvent> T next(Class<T> type, Duration timeout) throws InterruptedException {
        ClientEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no " + type.getSimpleName() + " within " + timeout);
        if (!type.isInstance(event)) {
            fail("expected " + type.getSimpleName() + ", got " + event);
        }
        return type.cast(event);
    }

    /** Skips events of other types until one of this type arrives. */
    <T extends ClientEvent> T await(Class<T> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ClientEvent event = events.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            assertNotNull(event, "no " + type.getSimpleName() + " within " + timeout);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    ClientEvent poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
