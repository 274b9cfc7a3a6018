package app.statustracker.service.status;

import java.util.List;

/** {@code GET status-viewers/:statusId}: who viewed it first, then who only received it. */
public record StatusViewersView(String statusId, List<ViewerView> viewers) {
}
