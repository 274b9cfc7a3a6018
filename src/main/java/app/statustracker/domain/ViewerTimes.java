package app.statustracker.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * When one viewer's devices confirmed delivery, view and play of one status (null = not yet). Receipts only
 * ever move a time earlier or fill an empty one, so repeats and redeliveries (after a crash, or from each of the
 * viewer's devices) change nothing: the first time of each is kept. A view implies delivery, a play implies
 * both, since WhatsApp may send the read receipt without a delivery receipt before it.
 */
public record ViewerTimes(Instant deliveredAt, Instant viewedAt, Instant playedAt) {
    public static final ViewerTimes NONE = new ViewerTimes(null, null, null);

    public static ViewerTimes of(ReceiptKind kind, Instant at) {
        Objects.requireNonNull(at, "at");
        return switch (Objects.requireNonNull(kind, "kind")) {
            case DELIVERY -> new ViewerTimes(at, null, null);
            case READ -> new ViewerTimes(at, at, null);
            case PLAYED -> new ViewerTimes(at, at, at);
        };
    }

    /** The earliest known time of each, from this and {@code other}. */
    public ViewerTimes merge(ViewerTimes other) {
        return new ViewerTimes(earliest(deliveredAt, other.deliveredAt), earliest(viewedAt, other.viewedAt),
                earliest(playedAt, other.playedAt));
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }
}
