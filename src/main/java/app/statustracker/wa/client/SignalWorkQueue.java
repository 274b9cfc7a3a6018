package app.statustracker.wa.client;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs one device's Signal work one task at a time, in submission order, on a shared pool. Posting, answering
 * retry receipts and decrypting incoming messages all load, change and store the same session and sender-key
 * records (a contact replying to our status uses the session our status built), and the records are not
 * thread-safe; incoming messages must also be opened in the order they arrived (an SKDM before the skmsgs that
 * need it). No thread of its own.
 */
final class SignalWorkQueue implements Executor {
    private static final System.Logger LOG = System.getLogger(SignalWorkQueue.class.getName());

    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    SignalWorkQueue(Executor pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Signal task failed", e);
            }
        }
    }
}
