package app.statustracker.service.events;

/** A session was stored; observers act once the transaction has committed. */
public record SessionCreated(String sessionId, String sessionName, String authMethod, String phoneNumber,
                             String status) {
}
