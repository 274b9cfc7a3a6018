package app.statustracker.runtime.events;

/** A session's link to WhatsApp changed state (committed to the database before this fires). */
public record ConnectionChanged(String sessionId, boolean connected, String status, String reason,
                                String ownNumber, String ownLid) {
}
