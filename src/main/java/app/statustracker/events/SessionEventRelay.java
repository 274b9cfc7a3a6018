package app.statustracker.events;

import app.statustracker.service.events.SessionCreated;
import app.statustracker.service.events.SessionDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;

/** Turns committed session changes into the seed's event names. */
@ApplicationScoped
public class SessionEventRelay {
    @Inject
    EventBroadcaster broadcaster;

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionCreated e) {
        broadcaster.publish("session-created", e);
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionDeleted e) {
        broadcaster.publish("session-deleted", Map.of("sessionId", e.sessionId()));
    }
}
