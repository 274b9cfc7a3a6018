package app.statustracker.wa.signal;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Independent pieces of pure computation (one X3DH per device when a status starts a thousand sessions) run side
 * by side. The caller takes part and hands out the work in chunks, so the whole finishes even when no helper
 * thread ever starts (a busy or single-threaded pool): it waits only for chunks a helper has already taken. The
 * work must not touch stores or anything bound to the calling thread, since it may run on any thread.
 */
public final class ParallelWork {
    /** Everything on the calling thread. */
    public static final ParallelWork SERIAL = new ParallelWork(Runnable::run, 1);
    /* below this many items a hand-over costs more than it saves */
    private static final int MIN_ITEMS = 16;
    private static final int CHUNKS_PER_THREAD = 4;

    private final Executor helpers;
    private final int threads;

    /** @param threads how many threads may work at once, the caller included (1: the caller alone) */
    public ParallelWork(Executor helpers, int threads) {
        this.helpers = Objects.requireNonNull(helpers, "helpers");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /** Helpers from the JVM's common pool; {@code threads} of 1 or less is {@link #SERIAL}. */
    public static ParallelWork onCommonPool(int threads) {
        return threads <= 1 ? SERIAL : new ParallelWork(ForkJoinPool.commonPool(), threads);
    }

    /**
     * Calls {@code work} once for each index in {@code [0, count)}, in no particular order and possibly on several
     * threads; writes it makes to distinct slots (an array per result) are visible to the caller afterwards. The
     * first exception thrown by {@code work} is rethrown once all taken chunks are done.
     */
    public void forEach(int count, IntConsumer work) {
        if (threads == 1 || count < MIN_ITEMS) {
            for (int i = 0; i < count; i++) {
                work.accept(i);
            }
            return;
        }
        int chunk = Math.max(1, count / (threads * CHUNKS_PER_THREAD));
        int chunks = (count + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(chunks);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int index;
            while ((index = next.getAndIncrement()) < chunks) {
                try {
                    int from = index * chunk;
                    int to = Math.min(count, from + chunk);
                    for (int i = from; i < to; i++) {
                        work.accept(i);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int helper = 1; helper < Math.min(threads, chunks); helper++) {
            try {
                helpers.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // the caller does it
            }
        }
        worker.run();
        awaitUninterruptibly(finished);
        RuntimeException thrown = failure.get();
        if (thrown != null) {
            throw thrown;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the helpers are mid-chunk; leaving now would hand back half-made results
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
