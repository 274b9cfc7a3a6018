package app.statustracker.persistence;

import java.time.OffsetDateTime;
import java.util.Comparator;

/** Viewers in the order a reader wants them: who viewed first, then those whose devices only confirmed delivery. */
public final class ViewerOrder implements Comparator<ViewerRow> {
    public static final ViewerOrder INSTANCE = new ViewerOrder();

    private static final Comparator<OffsetDateTime> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<ViewerRow> ORDER = Comparator.comparing(ViewerRow::viewedAt, NULLS_LAST)
            .thenComparing(ViewerRow::deliveredAt, NULLS_LAST)
            .thenComparing(ViewerRow::jid);

    private ViewerOrder() {
    }

    @Override
    public int compare(ViewerRow a, ViewerRow b) {
        return ORDER.compare(a, b);
    }
}
