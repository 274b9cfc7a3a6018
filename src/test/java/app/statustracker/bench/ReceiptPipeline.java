package app.statustracker.bench;

import app.statustracker.persistence.PlainJdbcReceiptWriter;
import app.statustracker.runtime.events.StatusReceiptsArrived;
import app.statustracker.service.status.ReceiptBatcher;
import app.statustracker.service.status.ViewerView;
import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The product's receipt path from the event on: {@link ReceiptBatcher} over {@code ViewerReceiptWriter} on
 * PostgreSQL, flushed as {@code service.StatusReceiptRecorder} flushes it (every 25 ms, at once when a batch of
 * 5,000 is waiting, until less than a batch waits), with the defaults of RECEIPT_FLUSH_MS and RECEIPT_BATCH_MAX.
 * After each commit the viewer lists are mapped to their API view as the CDI event would carry them. Counts the
 * receipts whose stanza was acked, i.e. committed.
 */
final class ReceiptPipeline implements AutoCloseable {
    static final int BATCH_MAX = 5_000;
    static final long FLUSH_MS = 25;

    private final ReceiptBatcher batcher;
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong viewerUpdates = new AtomicLong();

    ReceiptPipeline(DataSource dataSource) {
        batcher = new ReceiptBatcher(new PlainJdbcReceiptWriter(dataSource),
                (session, statusId, rows) -> viewerUpdates.addAndGet(rows.stream().map(ViewerView::of).count()),
                BATCH_MAX, BATCH_MAX * 100, Clock.systemUTC());
        scheduler.scheduleWithFixedDelay(this::flushAll, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /** What the observer of StatusReceiptsArrived does; {@code receipts} are counted once acked. */
    void offer(String sessionId, java.util.List<app.statustracker.wa.status.StatusReceipt> receipts, Runnable ack) {
        int size = receipts.size();
        StatusReceiptsArrived stanza = new StatusReceiptsArrived(sessionId, receipts, () -> {
            ack.run();
            committed.addAndGet(size);
        });
        if (batcher.offer(stanza)) {
            scheduler.execute(this::flushAll);
        }
    }

    long committed() {
        return committed.get();
    }

    /** Viewer rows handed to status-viewers-update listeners so far. */
    long viewerUpdates() {
        return viewerUpdates.get();
    }

    private void flushAll() {
        while (batcher.flush() > 0 && batcher.queued() >= BATCH_MAX) {
            // a full batch is waiting already
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(30, TimeUnit.SECONDS); // a flush in progress ends before the schema goes
    }
}
