package app.statustracker.runtime;

import app.statustracker.domain.Session;
import app.statustracker.domain.SessionState;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

/**
 * Will own one WhatsApp protocol client per session on a ManagedExecutorService (issue 4). Until the
 * protocol client exists, a new session is shown as disconnected with that reason, never as connecting.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionRuntime {
    public static final String NO_CLIENT_YET = "whatsapp-client-not-available";

    public void initialState(Session session) {
        session.changeState(SessionState.DISCONNECTED, NO_CLIENT_YET);
    }

    public void stop(String sessionId) {
        // nothing runs yet
    }
}
