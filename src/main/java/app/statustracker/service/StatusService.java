package app.statustracker.service;

import app.statustracker.config.StatusSettings;
import app.statustracker.domain.LinkState;
import app.statustracker.domain.Session;
import app.statustracker.domain.Status;
import app.statustracker.domain.StatusRecipient;
import app.statustracker.domain.StatusState;
import app.statustracker.domain.StatusType;
import app.statustracker.persistence.StatusRepository;
import app.statustracker.persistence.StatusRepository.Counts;
import app.statustracker.runtime.SessionNotConnectedException;
import app.statustracker.runtime.SessionRuntime;
import app.statustracker.service.errors.ConflictException;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.errors.NotFoundException;
import app.statustracker.service.errors.UpstreamRejectedException;
import app.statustracker.service.events.StatusDeleted;
import app.statustracker.service.events.StatusSent;
import app.statustracker.service.events.StatusesChanged;
import app.statustracker.service.media.MediaFormat;
import app.statustracker.service.media.PreparedMedia;
import app.statustracker.service.media.UploadStore.Kind;
import app.statustracker.service.preview.LinkPreviews;
import app.statustracker.service.status.DeletedStatusView;
import app.statustracker.service.status.SendStatusInput;
import app.statustracker.service.status.SentStatusView;
import app.statustracker.service.status.StatusRequestValidator;
import app.statustracker.service.status.StatusSummaryView;
import app.statustracker.service.status.StatusViewersView;
import app.statustracker.service.status.ValidatedStatus;
import app.statustracker.service.status.ViewerView;
import app.statustracker.wa.media.MediaType;
import app.statustracker.wa.status.LinkPreview;
import app.statustracker.wa.status.MediaStatus;
import app.statustracker.wa.status.PostedStatus;
import app.statustracker.wa.status.StatusRejectedException;
import app.statustracker.wa.status.TextStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posting statuses and reading what became of them: the seed's send-status, sent-statuses, status-viewers and
 * delete-status. Nothing is stored or sent for a request that fails validation; a valid one is stored as
 * {@code sending} before it goes out and ends {@code sent} or {@code failed}.
 */
@ApplicationScoped
public class StatusService {
    private static final Logger LOG = Logger.getLogger(StatusService.class.getName());
    /** The seed's note, minus its first sentence: with {@code ?revoke=true} we can delete a published status. */
    public static final String LOCAL_DELETE_NOTE = "This removes only local tracking data; the status remains on "
            + "recipients' phones until the natural 24-hour expiry. Add ?revoke=true to delete it for everyone on "
            + "WhatsApp first.";
    public static final String REVOKE_NOTE = "Deleted for everyone on WhatsApp (a revoke went to the same recipients) "
            + "and removed from local tracking. Phones that were offline remove it when they next connect.";

    @Inject
    SessionService sessions;
    @Inject
    SessionRuntime runtime;
    @Inject
    StatusRepository statuses;
    @Inject
    LinkPreviews previews;
    @Inject
    UploadService uploads;
    @Inject
    StatusSettings settings;
    @Inject
    Event<StatusSent> sent;
    @Inject
    Event<StatusesChanged> changed;
    @Inject
    Event<StatusDeleted> deleted;

    /**
     * Posts a text, link, image or video status. 404 unknown session (or upload), 400 bad input, 409 session not
     * connected (nothing stored), 413/415 for a media link that is too large or no such media, 502 when WhatsApp
     * refused it or never acked (stored as failed with the reason).
     */
    public SentStatusView send(String sessionId, SendStatusInput input) {
        Session session = sessions.get(sessionId);
        ValidatedStatus status = StatusRequestValidator.validate(input);
        if (status.type() == StatusType.IMAGE || status.type() == StatusType.VIDEO) {
            return sendMedia(session, status);
        }
        requireConnected(session);
        List<String> audience = audience(session, status);
        LinkPreview preview = status.type() == StatusType.URL ? previews.preview(status.url()) : null;
        TextStatus message = new TextStatus(status.text(), status.backgroundArgb(), status.textArgb(), status.font(),
                preview);
        return post(session, status, messageId -> runtime.postStatus(session.getSessionId(), messageId, message,
                audience));
    }

    /**
     * An image or video status from an upload or an https:// link: a name we never issued is a 400 and a missing
     * upload a 404 before anything else; a link is fetched only once the session is connected, under the upload
     * rules (size cap, type by content), and its copy removed after the post.
     */
    private SentStatusView sendMedia(Session session, ValidatedStatus status) {
        Kind kind = status.type() == StatusType.IMAGE ? Kind.IMAGE : Kind.VIDEO;
        Path file = null;
        MediaFormat format = null;
        if (status.url() == null) {
            file = uploads.resolve(status.content());
            format = uploads.formatOf(status.content());
            if (kind == Kind.IMAGE != format.isImage()) {
                throw new InvalidInputException("content " + status.content() + " is " + (format.isImage()
                        ? "an image" : "a video") + " upload; type " + status.type().wire() + " needs "
                        + (kind == Kind.IMAGE ? "an image" : "a video"));
            }
        }
        requireConnected(session);
        String fetched = null;
        try {
            if (file == null) {
                fetched = uploads.fetch(status.url(), kind).filename();
                file = uploads.resolve(fetched);
                format = uploads.formatOf(fetched);
            }
            List<String> audience = audience(session, status);
            String uploadName = fetched == null ? status.content() : null;
            try (PreparedMedia prepared = uploads.prepare(uploadName, file, format)) {
                // a stored upload never changes, so the client may post it again from its earlier upload
                MediaStatus media = new MediaStatus(kind == Kind.IMAGE ? MediaType.IMAGE : MediaType.VIDEO,
                        prepared.file(), prepared.mimeType(), prepared.width(), prepared.height(),
                        kind == Kind.VIDEO ? prepared.seconds() : null, status.caption(),
                        prepared.thumbnail().orElse(null), prepared.ownsFile() ? null : uploadName);
                return post(session, status, messageId -> runtime.postStatus(session.getSessionId(), messageId, media,
                        audience));
            }
        } finally {
            if (fetched != null) {
                uploads.delete(fetched);
            }
        }
    }

    private static List<String> audience(Session session, ValidatedStatus status) {
        return status.audience().isEmpty() ? List.of(session.getOwnNumber()) : status.audience();
    }

    /**
     * Stores the status as sending under its WhatsApp id, posts it and records the outcome. 409 when the session
     * dropped before it went out (nothing kept), 502 when WhatsApp refused it or never acked (kept as failed).
     */
    private SentStatusView post(Session session, ValidatedStatus status,
                                Function<String, CompletableFuture<PostedStatus>> send) {
        String sessionId = session.getSessionId();
        // the row holds the WhatsApp id from the start: receipts racing the ack always find it
        String messageId = runtime.newStatusId(session.getOwnNumber());
        Status row = statuses.createSending(session.getId(), messageId, status.type(), status.content(),
                status.caption());
        PostedStatus posted;
        try {
            posted = await(send.apply(messageId));
        } catch (SessionNotConnectedException e) {
            statuses.forget(row.getId()); // it never left: as if it had been refused up front
            throw new ConflictException(notConnected(sessionId));
        } catch (StatusRejectedException e) {
            statuses.markFailed(row.getId(), e.reason());
            changed.fire(new StatusesChanged(sessionId));
            throw new UpstreamRejectedException("WhatsApp did not accept the status: " + e.reason());
        }
        List<StatusRepository.Recipient> recipients = posted.recipients().stream()
                .map(r -> new StatusRepository.Recipient(r.jid().user() + "@" + r.jid().server(), r.phoneNumber()))
                .toList();
        Status done = statuses.markSent(row.getId(), posted.messageId(), recipients).orElseThrow(() ->
                new NotFoundException("The status was deleted while it was being sent"));
        List<String> numbers = posted.recipients().stream().map(PostedStatus.Recipient::phoneNumber).distinct().toList();
        sent.fire(new StatusSent(sessionId, done.getMessageId(), done.getType().wire(), done.getContent(),
                done.getCaption(), done.getState().wire(), numbers, done.getCreatedAt()));
        changed.fire(new StatusesChanged(sessionId));
        return new SentStatusView(done.getMessageId(), done.getType().wire(), done.getState().wire(), numbers,
                done.getCreatedAt());
    }

    /** Statuses of the last 24 hours, newest first, with their audience and receipt counts. */
    public List<StatusSummaryView> recent(String sessionId) {
        Session session = sessions.get(sessionId);
        List<Status> list = statuses.since(session.getId(), OffsetDateTime.now(ZoneOffset.UTC).minusHours(24));
        List<Long> pks = list.stream().map(Status::getId).toList();
        Map<Long, Counts> counts = statuses.counts(pks);
        Map<Long, List<StatusRecipient>> recipients = statuses.recipients(pks);
        return list.stream().map(s -> {
            Counts c = counts.getOrDefault(s.getId(), Counts.NONE);
            List<String> numbers = recipients.getOrDefault(s.getId(), List.of()).stream()
                    .map(r -> r.getPhoneNumber() != null ? r.getPhoneNumber() : r.getJid()).toList();
            return new StatusSummaryView(s.getMessageId(), s.getType().wire(), s.getContent(), s.getCaption(),
                    s.getState().wire(), s.getFailureReason(), s.getCreatedAt(), numbers, c.delivered(), c.viewed(),
                    c.played());
        }).toList();
    }

    public StatusViewersView viewers(String sessionId, String statusId) {
        Status status = find(sessions.get(sessionId), statusId);
        return new StatusViewersView(status.getMessageId(),
                statuses.viewers(status.getId()).stream().map(ViewerView::of).toList());
    }

    /**
     * Removes the status's local tracking. With {@code revoke}, first deletes it for everyone on WhatsApp (a REVOKE
     * to the same recipients, docs/protocol.md, Revoke); if that fails nothing is deleted.
     */
    public DeletedStatusView delete(String sessionId, String statusId, boolean revoke) {
        Session session = sessions.get(sessionId);
        Status status = find(session, statusId);
        if (revoke) {
            if (status.getState() != StatusState.SENT) {
                throw new ConflictException("Only a sent status can be revoked; this one is " + status.getState().wire());
            }
            requireConnected(session);
            List<String> audience = statuses.recipients(List.of(status.getId())).getOrDefault(status.getId(), List.of())
                    .stream().map(StatusRecipient::getPhoneNumber).filter(java.util.Objects::nonNull).distinct().toList();
            try {
                await(runtime.revokeStatus(sessionId, status.getMessageId(), audience));
            } catch (SessionNotConnectedException e) {
                throw new ConflictException(notConnected(sessionId));
            } catch (StatusRejectedException e) {
                throw new UpstreamRejectedException("WhatsApp did not accept the revoke: " + e.reason());
            }
        }
        if (!statuses.delete(session.getId(), status.getMessageId())) {
            throw new NotFoundException("Status " + statusId + " not found");
        }
        deleted.fire(new StatusDeleted(sessionId, status.getMessageId(), revoke));
        changed.fire(new StatusesChanged(sessionId));
        return new DeletedStatusView(status.getMessageId(), true, revoke, revoke ? REVOKE_NOTE : LOCAL_DELETE_NOTE);
    }

    private Status find(Session session, String statusId) {
        if (statusId == null || statusId.isEmpty() || statusId.length() > 64) {
            throw new NotFoundException("Status " + statusId + " not found");
        }
        return statuses.find(session.getId(), statusId)
                .orElseThrow(() -> new NotFoundException("Status " + statusId + " not found"));
    }

    private static void requireConnected(Session session) {
        if (session.getState() != LinkState.CONNECTED || session.getOwnNumber() == null) {
            throw new ConflictException(notConnected(session.getSessionId()) + " (status: "
                    + session.getState().wire() + ")");
        }
    }

    private static String notConnected(String sessionId) {
        return "Session " + sessionId + " is not connected to WhatsApp";
    }

    /** Waits for WhatsApp's answer; a missing answer is a failure of the upstream, like a refusal. */
    private PostedStatus await(CompletableFuture<PostedStatus> future) throws StatusRejectedException {
        try {
            return future.get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StatusRejectedException("no answer from WhatsApp within " + settings.sendTimeout().toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusRejectedException("interrupted while waiting for WhatsApp");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SessionNotConnectedException notConnected) {
                throw notConnected;
            }
            if (cause instanceof StatusRejectedException rejected) {
                throw rejected;
            }
            LOG.log(Level.WARNING, "Posting failed unexpectedly", cause);
            throw new StatusRejectedException("internal error while sending: " + cause.getClass().getSimpleName());
        }
    }
}
