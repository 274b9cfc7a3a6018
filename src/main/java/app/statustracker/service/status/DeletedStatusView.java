package app.statustracker.service.status;

/** The answer to delete-status: what was removed, whether WhatsApp deleted it for everyone, and what that means. */
public record DeletedStatusView(String statusId, boolean deleted, boolean revoked, String note) {
}
