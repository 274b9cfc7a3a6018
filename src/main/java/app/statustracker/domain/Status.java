package app.statustracker.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One status a session posted (or tried to). {@code messageId} is the WhatsApp message id the phones see and
 * every URL uses, chosen before the post is sent.
 */
@Entity
@Table(name = "statuses")
@NamedQuery(name = "Status.byMessageId",
        query = "SELECT s FROM Status s WHERE s.sessionPk = :sessionPk AND s.messageId = :messageId")
@NamedQuery(name = "Status.since", query = "SELECT s FROM Status s WHERE s.sessionPk = :sessionPk "
        + "AND s.createdAt >= :since ORDER BY s.createdAt DESC, s.id DESC")
@NamedQuery(name = "Status.sendingBefore",
        query = "SELECT s FROM Status s WHERE s.state = :state AND s.createdAt < :before")
public class Status {
    public static final int MAX_FAILURE_REASON = 500;

    @Id
    @SequenceGenerator(name = "st_status_id", sequenceName = "st_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "st_status_id")
    private Long id;

    @Column(name = "session_pk", nullable = false)
    private Long sessionPk;

    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    @Column(name = "type", nullable = false, length = 16)
    private StatusType type;

    @Column(name = "content", length = 65536)
    private String content;

    @Column(name = "caption", length = 4096)
    private String caption;

    @Column(name = "state", nullable = false, length = 16)
    private StatusState state;

    @Column(name = "failure_reason", length = MAX_FAILURE_REASON)
    private String failureReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Status() {
    }

    /** A status about to be sent, under a provisional id until WhatsApp has acked it. */
    public Status(long sessionPk, String provisionalId, StatusType type, String content, String caption) {
        this.sessionPk = sessionPk;
        this.messageId = Objects.requireNonNull(provisionalId, "provisionalId");
        this.type = Objects.requireNonNull(type, "type");
        this.content = content;
        this.caption = caption;
        this.state = StatusState.SENDING;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The server acked the post: from now on the status is known by WhatsApp's message id. */
    public void sent(String whatsAppMessageId) {
        this.messageId = Objects.requireNonNull(whatsAppMessageId, "whatsAppMessageId");
        this.state = StatusState.SENT;
        this.failureReason = null;
    }

    public void failed(String reason) {
        this.state = StatusState.FAILED;
        String r = reason == null || reason.isBlank() ? "unknown failure" : reason.strip();
        this.failureReason = r.length() > MAX_FAILURE_REASON ? r.substring(0, MAX_FAILURE_REASON) : r;
    }

    public Long getId() {
        return id;
    }

    public Long getSessionPk() {
        return sessionPk;
    }

    public String getMessageId() {
        return messageId;
    }

    public StatusType getType() {
        return type;
    }

    public String getContent() {
        return content;
    }

    public String getCaption() {
        return caption;
    }

    public StatusState getState() {
        return state;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
