package app.statustracker.persistence;

import app.statustracker.domain.LinkState;
import app.statustracker.domain.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** What the runtime records about sessions: connection state, who we are on WhatsApp, which to resume. */
@ApplicationScoped
public class SessionStateRepository {
    /* which sessions a start resumes: linked ones (they have an own number) and those that were connecting or waiting
       for a pairing, never a logged-out one; parameters set by resumableOnly */
    private static final String RESUMABLE = "s.state <> :out AND (s.ownNumber IS NOT NULL OR s.state IN :waiting)";

    @PersistenceContext(unitName = "statusTracker")
    EntityManager em;

    public record SessionRef(long pk, String sessionId, String authMethod, String phoneNumber, LinkState state) {
    }

    @Transactional
    public Optional<SessionRef> find(String sessionId) {
        return em.createNamedQuery("Session.bySessionId", Session.class).setParameter("sessionId", sessionId)
                .getResultStream().findFirst().map(SessionStateRepository::ref);
    }

    /** Sessions to reconnect after a start: linked ones and those that were waiting for a pairing. */
    @Transactional
    public List<SessionRef> resumable() {
        return resumableOnly(em.createQuery("SELECT s FROM Session s WHERE " + RESUMABLE + " ORDER BY s.id",
                        Session.class))
                .getResultList().stream().map(SessionStateRepository::ref).toList();
    }

    /**
     * At start-up, before any of them has logged in again: every session that will be resumed reads
     * {@code connecting}, whatever its stored state said when the last process ended (a kill leaves
     * {@code connected} behind). Its own login or failure then moves it on. @return how many
     */
    @Transactional
    public int markResumableConnecting() {
        return resumableOnly(em.createQuery("UPDATE Session s SET s.state = :connecting, s.stateReason = NULL "
                        + "WHERE " + RESUMABLE))
                .setParameter("connecting", LinkState.CONNECTING)
                .executeUpdate();
    }

    /* the parameters of RESUMABLE */
    private static <Q extends Query> Q resumableOnly(Q query) {
        query.setParameter("out", LinkState.LOGGED_OUT)
                .setParameter("waiting", List.of(LinkState.CONNECTING, LinkState.AWAITING_PAIRING,
                        LinkState.CONNECTED));
        return query;
    }

    /** @return false when the session no longer exists (deleted meanwhile) */
    @Transactional
    public boolean changeState(String sessionId, LinkState state, String reason) {
        return session(sessionId).map(s -> {
            s.changeState(state, reason);
            return true;
        }).orElse(false);
    }

    @Transactional
    public boolean linked(String sessionId, String ownNumber, String ownLid, LinkState state) {
        return session(sessionId).map(s -> {
            s.linkedAs(ownNumber, ownLid);
            s.changeState(state, null);
            return true;
        }).orElse(false);
    }

    @Transactional
    public boolean updatePhone(String sessionId, String phoneNumber) {
        return session(sessionId).map(s -> {
            s.setPhoneNumber(phoneNumber);
            return true;
        }).orElse(false);
    }

    /** Removes the session and, through the schema's cascades, every row it owns, in one transaction. */
    @Transactional
    public boolean delete(String sessionId) {
        return session(sessionId).map(s -> {
            em.remove(s);
            return true;
        }).orElse(false);
    }

    /** After the phone unlinked us: the keys are dead, the next link starts from scratch. */
    @Transactional
    public void forgetKeyMaterial(long sessionPk) {
        em.createQuery("DELETE FROM PreKeyRow p WHERE p.sessionPk = :pk").setParameter("pk", sessionPk).executeUpdate();
        em.createQuery("DELETE FROM CredentialsRow c WHERE c.sessionPk = :pk").setParameter("pk", sessionPk)
                .executeUpdate();
        // the Signal state (V3) was built on the dead identity too; LID mappings are facts about contacts and stay
        for (String table : new String[] {"signal_identities", "signal_sessions", "sender_keys",
                "sender_key_holders", "sent_status_payloads"}) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE session_pk = ?1").setParameter(1, sessionPk)
                    .executeUpdate();
        }
    }

    private Optional<Session> session(String sessionId) {
        return em.createNamedQuery("Session.bySessionId", Session.class).setParameter("sessionId", sessionId)
                .getResultStream().findFirst();
    }

    private static SessionRef ref(Session s) {
        return new SessionRef(s.getId(), s.getSessionId(), s.getAuthMethod().wire(), s.getPhoneNumber(), s.getState());
    }
}
