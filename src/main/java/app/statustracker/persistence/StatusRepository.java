package app.statustracker.persistence;

import app.statustracker.domain.Status;
import app.statustracker.domain.StatusRecipient;
import app.statustracker.domain.StatusState;
import app.statustracker.domain.StatusType;
import app.statustracker.domain.StatusViewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The statuses of every session with their recipients and viewers. Each method is one transaction; posting spans
 * three (stored as sending, the send outside any transaction, then sent or failed), so a crash in between leaves
 * a visible {@code sending} row rather than a status that went out untracked.
 */
@ApplicationScoped
public class StatusRepository {
    @PersistenceContext(unitName = "statusTracker")
    EntityManager em;
    @Inject
    DataSource dataSource;

    /** One recipient as it was addressed. */
    public record Recipient(String jid, String phoneNumber) {
    }

    /** How many viewers delivered, viewed and played one status. */
    public record Counts(long delivered, long viewed, long played) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    @Transactional
    public Status createSending(long sessionPk, String messageId, StatusType type, String content, String caption) {
        Status s = new Status(sessionPk, messageId, type, content, caption);
        em.persist(s);
        em.flush();
        return s;
    }

    /** @return the sent status, or empty when it was deleted while it was being sent */
    @Transactional
    public Optional<Status> markSent(long statusPk, String messageId, List<Recipient> recipients) {
        Status s = em.find(Status.class, statusPk);
        if (s == null) {
            return Optional.empty();
        }
        s.sent(messageId);
        Map<String, Recipient> unique = new LinkedHashMap<>();
        recipients.forEach(r -> unique.putIfAbsent(r.jid(), r));
        // the same transaction as the state change: the status is sent with its audience, or neither
        try (Connection c = dataSource.getConnection()) {
            StatusRecipientRows.insert(c, statusPk, unique.values());
        } catch (SQLException e) {
            throw new IllegalStateException("storing the recipients of status " + messageId + " failed", e);
        }
        return Optional.of(s);
    }

    @Transactional
    public Optional<Status> markFailed(long statusPk, String reason) {
        Status s = em.find(Status.class, statusPk);
        if (s != null) {
            s.failed(reason);
        }
        return Optional.ofNullable(s);
    }

    /** Forgets a status that never left (the session turned out not to be connected). */
    @Transactional
    public void forget(long statusPk) {
        Status s = em.find(Status.class, statusPk);
        if (s != null) {
            em.remove(s);
        }
    }

    @Transactional
    public Optional<Status> find(long sessionPk, String messageId) {
        return em.createNamedQuery("Status.byMessageId", Status.class).setParameter("sessionPk", sessionPk)
                .setParameter("messageId", messageId).getResultStream().findFirst();
    }

    /** Newest first. */
    @Transactional
    public List<Status> since(long sessionPk, OffsetDateTime since) {
        return em.createNamedQuery("Status.since", Status.class).setParameter("sessionPk", sessionPk)
                .setParameter("since", since).getResultList();
    }

    @Transactional
    public Map<Long, Counts> counts(Collection<Long> statusPks) {
        Map<Long, Counts> counts = new HashMap<>();
        if (statusPks.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("SELECT v.statusPk, COUNT(v.deliveredAt), COUNT(v.viewedAt), "
                + "COUNT(v.playedAt) FROM StatusViewer v WHERE v.statusPk IN :pks GROUP BY v.statusPk", Object[].class)
                .setParameter("pks", statusPks).getResultList();
        for (Object[] r : rows) {
            counts.put((Long) r[0], new Counts(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()));
        }
        return counts;
    }

    /** Recipients per status, in the order they were addressed. */
    @Transactional
    public Map<Long, List<StatusRecipient>> recipients(Collection<Long> statusPks) {
        Map<Long, List<StatusRecipient>> byStatus = new HashMap<>();
        if (statusPks.isEmpty()) {
            return byStatus;
        }
        for (StatusRecipient r : em.createQuery("SELECT r FROM StatusRecipient r WHERE r.statusPk IN :pks ORDER BY r.id",
                StatusRecipient.class).setParameter("pks", statusPks).getResultList()) {
            byStatus.computeIfAbsent(r.getStatusPk(), k -> new ArrayList<>()).add(r);
        }
        return byStatus;
    }

    @Transactional
    public List<ViewerRow> viewers(long statusPk) {
        List<ViewerRow> rows = new ArrayList<>(em.createQuery("SELECT v FROM StatusViewer v WHERE v.statusPk = :pk",
                StatusViewer.class).setParameter("pk", statusPk).getResultList().stream()
                .map(v -> new ViewerRow(v.getPhoneNumber(), v.getViewerJid(), v.getDeliveredAt(), v.getViewedAt(),
                        v.getPlayedAt())).toList());
        rows.sort(ViewerOrder.INSTANCE);
        return rows;
    }

    /** Removes the status; its recipients and viewers go with it (ON DELETE CASCADE). */
    @Transactional
    public boolean delete(long sessionPk, String messageId) {
        return em.createQuery("DELETE FROM Status s WHERE s.sessionPk = :pk AND s.messageId = :id")
                .setParameter("pk", sessionPk).setParameter("id", messageId).executeUpdate() > 0;
    }

    /** Posts that were in flight when the server stopped: they will never be acked now. */
    @Transactional
    public List<Status> failInterrupted(OffsetDateTime startedBefore, String reason) {
        List<Status> stale = em.createNamedQuery("Status.sendingBefore", Status.class)
                .setParameter("state", StatusState.SENDING).setParameter("before", startedBefore).getResultList();
        stale.forEach(s -> s.failed(reason));
        return stale;
    }
}
