package app.statustracker.service.status;

import app.statustracker.domain.ReceiptKind;
import app.statustracker.domain.ViewerTimes;
import app.statustracker.persistence.ReceiptBatchResult;
import app.statustracker.persistence.ViewerReceipt;
import app.statustracker.persistence.ViewerRow;
import app.statustracker.runtime.events.StatusReceiptsArrived;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.status.StatusReceipt;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Commits viewer receipts in batches and acks them only afterwards (docs/decisions.md, Statuses: REST,
 * persistence, receipts, link previews): every receipt stanza waits in a queue until the next flush, a flush writes
 * all of them in one transaction, and only when that committed do their acks go out, so a crash before the commit
 * makes WhatsApp redeliver instead of losing a view.
 *
 * <p>Receipts for status ids no row knows (statuses posted from the phone, or deleted here) are dropped and acked:
 * a post's row is committed under its final WhatsApp id before the status is sent, so no receipt can race it. A
 * batch that fails to commit is retried twice, then left unacked for WhatsApp to redeliver at the next connection.
 *
 * <p>Plain Java: the application wires it to the database, the CDI events and a scheduler
 * ({@code service.StatusReceiptRecorder}).
 */
public final class ReceiptBatcher {
    private static final Logger LOG = Logger.getLogger(ReceiptBatcher.class.getName());
    static final int ATTEMPTS = 3;

    /** Writes one batch in one transaction. */
    public interface Writer {
        ReceiptBatchResult write(Map<String, List<ViewerReceipt>> bySession);
    }

    /** Told, after the commit, the full viewer list of each status the batch touched. */
    public interface Listener {
        void viewersChanged(String sessionId, String statusId, List<ViewerRow> viewers);
    }

    private static final class Pending {
        final StatusReceiptsArrived stanza;
        final Instant arrived;
        int failures;

        Pending(StatusReceiptsArrived stanza, Instant arrived) {
            this.stanza = stanza;
            this.arrived = arrived;
        }
    }

    private final Writer writer;
    private final Listener listener;
    private final int batchMax;
    private final int queueMax;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Deque<Pending> retry = new ArrayDeque<>(); // only touched under the flush lock
    private final AtomicInteger queued = new AtomicInteger();

    /**
     * @param batchMax  receipts per transaction at most
     * @param queueMax  receipts waiting at most; beyond, new stanzas are left unacked for redelivery
     */
    public ReceiptBatcher(Writer writer, Listener listener, int batchMax, int queueMax, Clock clock) {
        this.writer = writer;
        this.listener = listener;
        this.batchMax = batchMax;
        this.queueMax = queueMax;
        this.clock = clock;
    }

    /** Queues one stanza's receipts. @return true when a batch is full and worth flushing now */
    public boolean offer(StatusReceiptsArrived stanza) {
        int size = Math.max(1, stanza.receipts().size());
        if (queued.get() + size > queueMax) {
            LOG.warning("Receipt queue full (" + queued.get() + "); leaving a stanza unacked for redelivery");
            return true;
        }
        queue.add(new Pending(stanza, clock.instant()));
        return queued.addAndGet(size) >= batchMax;
    }

    /** Receipts waiting for a flush. */
    public int queued() {
        return queued.get();
    }

    /** Writes, commits and acks one batch. @return how many stanzas it handled (0: nothing was waiting) */
    public synchronized int flush() {
        List<Pending> batch = drain();
        if (batch.isEmpty()) {
            return 0;
        }
        ReceiptBatchResult result;
        try {
            result = writer.write(byViewer(batch.stream().map(p -> p.stanza).toList()));
        } catch (RuntimeException e) {
            giveBack(batch, e);
            return batch.size();
        }
        batch.forEach(ReceiptBatcher::ack);
        result.viewers().forEach((session, lists) -> lists.forEach((statusId, rows) -> {
            try {
                listener.viewersChanged(session, statusId, rows);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A viewers-update listener failed", e);
            }
        }));
        return batch.size();
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        int receipts = 0;
        while (receipts < batchMax) {
            Pending p = retry.isEmpty() ? queue.poll() : retry.pollFirst();
            if (p == null) {
                break;
            }
            int size = Math.max(1, p.stanza.receipts().size());
            queued.addAndGet(-size);
            receipts += size;
            batch.add(p);
        }
        return batch;
    }

    /** The batch as upserts: one per (session, status, viewer), its receipts merged by the first-time rules. */
    static Map<String, List<ViewerReceipt>> byViewer(List<StatusReceiptsArrived> stanzas) {
        Map<String, Map<String, ViewerReceipt>> merged = new LinkedHashMap<>();
        for (StatusReceiptsArrived stanza : stanzas) {
            Map<String, ViewerReceipt> session = merged.computeIfAbsent(stanza.sessionId(), k -> new LinkedHashMap<>());
            for (StatusReceipt r : stanza.receipts()) {
                ViewerReceipt v = viewerReceipt(r);
                session.merge(v.statusId() + "\u0000" + v.viewerJid(), v, (a, b) -> new ViewerReceipt(a.statusId(),
                        a.viewerJid(), a.phoneNumber() != null ? a.phoneNumber() : b.phoneNumber(),
                        a.lidUser() != null ? a.lidUser() : b.lidUser(), a.times().merge(b.times())));
            }
        }
        Map<String, List<ViewerReceipt>> bySession = new HashMap<>();
        merged.forEach((session, viewers) -> bySession.put(session, List.copyOf(viewers.values())));
        return bySession;
    }

    /** The viewer as WhatsApp named them (user JID, no device) and their phone number when the receipt told it. */
    static ViewerReceipt viewerReceipt(StatusReceipt r) {
        Jid viewer = r.viewer();
        String phone = r.phoneNumberJid().filter(Jid::isPhoneNumber).map(Jid::user)
                .orElse(viewer.isPhoneNumber() ? viewer.user() : null);
        return new ViewerReceipt(r.statusId(), viewer.user() + "@" + viewer.server(), phone,
                viewer.isLid() ? viewer.user() : null, ViewerTimes.of(kind(r.kind()), r.at()));
    }

    private static ReceiptKind kind(StatusReceipt.Kind kind) {
        return switch (kind) {
            case DELIVERY -> ReceiptKind.DELIVERY;
            case READ -> ReceiptKind.READ;
            case PLAYED -> ReceiptKind.PLAYED;
        };
    }

    private void giveBack(List<Pending> batch, RuntimeException e) {
        LOG.log(Level.WARNING, "Recording " + batch.size() + " receipt stanza(s) failed; they stay unacked", e);
        for (int i = batch.size() - 1; i >= 0; i--) {
            Pending p = batch.get(i);
            if (++p.failures < ATTEMPTS) {
                queued.addAndGet(Math.max(1, p.stanza.receipts().size()));
                retry.addFirst(p);
            }
            // else: dropped unacked; WhatsApp redelivers it at the next connection
        }
    }

    private static void ack(Pending p) {
        try {
            p.stanza.ackAfterCommit().run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Acking receipts failed (the connection may be gone; WhatsApp will redeliver)", e);
        }
    }
}
