package app.statustracker.events;

import app.statustracker.service.events.StatusDeleted;
import app.statustracker.service.events.StatusSent;
import app.statustracker.service.events.StatusViewersChanged;
import app.statustracker.service.events.StatusesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Committed status changes under the seed's event names: status-sent, status-viewers-update (with the full current
 * viewer list, at most one per status per VIEWERS_EVENT_INTERVAL_MS), status-deleted and statuses-updated.
 */
@ApplicationScoped
public class StatusEventRelay {
    @Inject
    EventBroadcaster broadcaster;

    void sent(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusSent e) {
        broadcaster.publish("status-sent", e);
    }

    void viewers(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusViewersChanged e) {
        broadcaster.publishViewers(e.sessionId(), e.statusId(), e);
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusDeleted e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", e.sessionId());
        data.put("statusId", e.statusId());
        data.put("revoked", e.revoked());
        broadcaster.publish("status-deleted", data);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusesChanged e) {
        broadcaster.publish("statuses-updated", Map.of("sessionId", e.sessionId()));
    }
}
