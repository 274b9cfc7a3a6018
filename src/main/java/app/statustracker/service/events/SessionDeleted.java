package app.statustracker.service.events;

/** A session and everything it owned were removed. */
public record SessionDeleted(String sessionId) {
}
