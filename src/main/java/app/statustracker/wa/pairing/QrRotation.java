package app.statustracker.wa.pairing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Shows the refs of one pair-device iq in turn (docs/protocol.md, Pairing): the first for {@code firstRefLifetime}
 * (60 s at WhatsApp), each later one for {@code nextRefLifetime} (20 s), then reports exhaustion so the
 * connection can close with reason qr-timeout. Runs on the shared scheduler; no thread of its own.
 */
public final class QrRotation {
    private final List<String> refs;
    private final Duration firstRefLifetime;
    private final Duration nextRefLifetime;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> onRef;
    private final Runnable onExhausted;
    private int shown;
    private boolean cancelled;
    private ScheduledFuture<?> timer;

    public QrRotation(List<String> refs, Duration firstRefLifetime, Duration nextRefLifetime,
                      ScheduledExecutorService scheduler, Consumer<String> onRef, Runnable onExhausted) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("a QR rotation needs at least one ref");
        }
        this.refs = List.copyOf(refs);
        this.firstRefLifetime = firstRefLifetime;
        this.nextRefLifetime = nextRefLifetime;
        this.scheduler = scheduler;
        this.onRef = onRef;
        this.onExhausted = onExhausted;
    }

    /** Shows the first ref now. */
    public void start() {
        advance();
    }

    public synchronized void cancel() {
        cancelled = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void advance() {
        String ref;
        Duration lifetime;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            if (shown == refs.size()) {
                cancelled = true;
                ref = null;
                lifetime = null;
            } else {
                ref = refs.get(shown);
                lifetime = shown == 0 ? firstRefLifetime : nextRefLifetime;
                shown++;
            }
        }
        if (ref == null) {
            onExhausted.run();
            return;
        }
        onRef.accept(ref);
        // the lifetime counts from when the ref was shown, so no ref is shown for less than its lifetime
        synchronized (this) {
            if (!cancelled) {
                timer = scheduler.schedule(this::advance, lifetime.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }
}
