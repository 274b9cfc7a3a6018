package app.statustracker.service.status;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;

/** One entry of {@code sent-statuses}: the status with its audience and how many delivered, viewed and played it. */
@JsonbNillable
public record StatusSummaryView(String id, String type, String content, String caption, String status,
                                String failureReason, OffsetDateTime createdAt, List<String> recipients,
                                long deliveredCount, long viewedCount, long playedCount) {
}
