package app.statustracker.api.sessions;

import app.statustracker.domain.LinkState;
import app.statustracker.domain.Session;
import java.time.OffsetDateTime;

/** A session as the API shows it. */
public record SessionView(String sessionId, String sessionName, String authMethod, String phoneNumber,
                          String status, boolean connected, String reason, String ownNumber,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static SessionView of(Session s) {
        return new SessionView(s.getSessionId(), s.getSessionName(), s.getAuthMethod().wire(), s.getPhoneNumber(),
                s.getState().wire(), s.getState() == LinkState.CONNECTED, s.getStateReason(), s.getOwnNumber(),
                s.getCreatedAt(), s.getUpdatedAt());
    }
}
