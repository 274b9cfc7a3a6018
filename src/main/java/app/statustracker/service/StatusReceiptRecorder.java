package app.statustracker.service;

import app.statustracker.config.StatusSettings;
import app.statustracker.persistence.ViewerReceiptWriter;
import app.statustracker.runtime.events.StatusReceiptsArrived;
import app.statustracker.service.events.StatusViewersChanged;
import app.statustracker.service.status.ReceiptBatcher;
import app.statustracker.service.status.ViewerView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records the viewer receipts the runtime reports ({@link StatusReceiptsArrived}): the observer only queues them,
 * on the runtime's thread and outside any transaction of it; a managed scheduler flushes the queue every
 * RECEIPT_FLUSH_MS, or at once when RECEIPT_BATCH_MAX receipts wait, one transaction per batch, acks after the
 * commit, then {@code status-viewers-update} per touched status ({@link ReceiptBatcher}).
 */
@ApplicationScoped
public class StatusReceiptRecorder {
    private static final Logger LOG = Logger.getLogger(StatusReceiptRecorder.class.getName());
    /** Receipts waiting at most, in batches; beyond, new stanzas stay unacked for WhatsApp to redeliver. */
    private static final int QUEUE_BATCHES = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    ViewerReceiptWriter writer;
    @Inject
    StatusSettings settings;
    @Inject
    Event<StatusViewersChanged> viewersChanged;

    private ReceiptBatcher batcher;
    private ScheduledFuture<?> ticker;
    /* One early flush asked for at a time: while a backlog waits, every stanza finds the batch full. */
    private final AtomicBoolean flushAsked = new AtomicBoolean();

    @PostConstruct
    void init() {
        batcher = new ReceiptBatcher(writer::write,
                (session, statusId, rows) -> viewersChanged.fire(new StatusViewersChanged(session, statusId,
                        rows.stream().map(ViewerView::of).toList())),
                settings.receiptBatchMax(), settings.receiptBatchMax() * QUEUE_BATCHES, Clock.systemUTC());
        long every = settings.receiptFlushInterval().toMillis();
        ticker = scheduler.scheduleWithFixedDelay(this::flushAll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false); // whatever is still queued stays unacked and is redelivered after the restart
        }
    }

    void receipts(@Observes StatusReceiptsArrived stanza) {
        if (batcher.offer(stanza) && flushAsked.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                flushAsked.set(false);
                flushAll();
            });
        }
    }

    private void flushAll() {
        try {
            while (batcher.flush() > 0 && batcher.queued() >= settings.receiptBatchMax()) {
                // a full batch is waiting already: go on without waiting for the next tick
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Flushing receipts failed", e);
        }
    }
}
