package app.statustracker.service.status;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;

/** The answer to send-status: the WhatsApp message id, and the numbers it went to. */
@JsonbNillable
public record SentStatusView(String id, String type, String status, List<String> recipients, OffsetDateTime createdAt) {
}
