package app.statustracker.service.status;

import app.statustracker.persistence.ViewerRow;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;

/** One viewer as the API shows it; a device that only confirmed delivery has {@code viewedAt: null} (written out). */
@JsonbNillable
public record ViewerView(String phoneNumber, String jid, OffsetDateTime deliveredAt, OffsetDateTime viewedAt,
                         OffsetDateTime playedAt) {
    public static ViewerView of(ViewerRow r) {
        return new ViewerView(r.phoneNumber(), r.jid(), r.deliveredAt(), r.viewedAt(), r.playedAt());
    }
}
