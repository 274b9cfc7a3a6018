package app.statustracker.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One viewer of a status and when their devices confirmed delivery, view and play: the first time of each is
 * kept. Rows are written only by the receipt recorder's batched SQL upserts (persistence.ViewerReceiptWriter),
 * never through JPA: the entity is read-only, and kept out of EclipseLink's shared cache, which would otherwise
 * hand out times older than the database's.
 */
@Entity
@Cacheable(false)
@Table(name = "status_viewers")
public class StatusViewer {
    @Id
    private Long id;

    @Column(name = "status_pk", nullable = false, insertable = false, updatable = false)
    private Long statusPk;

    @Column(name = "viewer_jid", nullable = false, length = 100, insertable = false, updatable = false)
    private String viewerJid;

    @Column(name = "phone_number", length = 20, insertable = false, updatable = false)
    private String phoneNumber;

    @Column(name = "delivered_at", insertable = false, updatable = false)
    private OffsetDateTime deliveredAt;

    @Column(name = "viewed_at", insertable = false, updatable = false)
    private OffsetDateTime viewedAt;

    @Column(name = "played_at", insertable = false, updatable = false)
    private OffsetDateTime playedAt;

    protected StatusViewer() {
    }

    public Long getId() {
        return id;
    }

    public Long getStatusPk() {
        return statusPk;
    }

    public String getViewerJid() {
        return viewerJid;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public OffsetDateTime getDeliveredAt() {
        return deliveredAt;
    }

    public OffsetDateTime getViewedAt() {
        return viewedAt;
    }

    public OffsetDateTime getPlayedAt() {
        return playedAt;
    }
}
