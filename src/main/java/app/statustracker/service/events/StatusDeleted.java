package app.statustracker.service.events;

/** A status's local tracking was removed, after a revoke for everyone when {@code revoked}. */
public record StatusDeleted(String sessionId, String statusId, boolean revoked) {
}
