package app.statustracker.runtime;

/** The session has no logged-in connection to WhatsApp right now, so nothing can be sent through it. */
public class SessionNotConnectedException extends RuntimeException {
    public SessionNotConnectedException(String sessionId) {
        super("session " + sessionId + " is not connected to WhatsApp");
    }
}
