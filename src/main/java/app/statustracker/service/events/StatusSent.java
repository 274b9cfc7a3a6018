package app.statustracker.service.events;

import java.time.OffsetDateTime;
import java.util.List;

/** WhatsApp's server acked a status (event {@code status-sent}); observers act once the state is committed. */
public record StatusSent(String sessionId, String id, String type, String content, String caption, String status,
                         List<String> recipients, OffsetDateTime createdAt) {
}
