package app.statustracker.service.status;

import app.statustracker.domain.StatusType;
import java.net.URI;
import java.util.List;

/**
 * A send-status request that passed every check. {@code text} is exactly what goes into the ExtendedTextMessage;
 * {@code url} is set for link statuses; an empty {@code audience} means the account's own number (the seed).
 */
public record ValidatedStatus(StatusType type, String content, String caption, String text, URI url,
                              List<String> audience, Integer backgroundArgb, Integer textArgb, Integer font) {
    public ValidatedStatus {
        audience = List.copyOf(audience);
    }
}
