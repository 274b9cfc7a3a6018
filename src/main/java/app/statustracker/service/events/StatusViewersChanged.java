package app.statustracker.service.events;

import app.statustracker.service.status.ViewerView;
import java.util.List;

/** Receipts for a status were committed; {@code viewers} is its full current viewer list. */
public record StatusViewersChanged(String sessionId, String statusId, List<ViewerView> viewers) {
}
