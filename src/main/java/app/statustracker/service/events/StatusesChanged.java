package app.statustracker.service.events;

/** The session's list of statuses changed: one was posted, failed or deleted (event {@code statuses-updated}). */
public record StatusesChanged(String sessionId) {
}
