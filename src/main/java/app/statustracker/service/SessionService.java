package app.statustracker.service;

import app.statustracker.domain.AuthMethod;
import app.statustracker.domain.Session;
import app.statustracker.persistence.SessionStateRepository;
import app.statustracker.runtime.SessionRuntime;
import app.statustracker.service.errors.ConflictException;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.errors.NotFoundException;
import app.statustracker.service.events.SessionCreated;
import app.statustracker.service.events.SessionDeleted;
import app.statustracker.service.phone.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating, listing and deleting sessions; what a request about sessions means. */
@ApplicationScoped
public class SessionService {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @PersistenceContext(unitName = "statusTracker")
    EntityManager em;

    @Inject
    SessionRuntime runtime;

    @Inject
    SessionStateRepository stateRepository;

    @Inject
    Event<SessionCreated> created;

    @Inject
    Event<SessionDeleted> deleted;

    @Transactional
    public Session create(String sessionId, String sessionName, String authMethodName, String phone) {
        AuthMethod method = authMethodName == null ? AuthMethod.PAIRING : AuthMethod.fromWire(authMethodName)
                .orElseThrow(() -> new InvalidInputException("authMethod must be pairing or qrcode"));
        String phoneNumber = PhoneNumbers.normalise(phone);
        if (method == AuthMethod.PAIRING && phoneNumber == null) {
            throw new InvalidInputException("phoneNumber is required for pairing: 10-15 digits including the country code");
        }
        if (find(sessionId).isPresent()) {
            throw new ConflictException("Session " + sessionId + " already exists");
        }
        Session session = new Session(sessionId, sessionName.strip(), method, phoneNumber);
        runtime.initialState(session);
        em.persist(session);
        em.flush(); // a concurrent duplicate fails here, inside the request, not at commit
        created.fire(new SessionCreated(session.getSessionId(), session.getSessionName(),
                session.getAuthMethod().wire(), session.getPhoneNumber(), session.getState().wire()));
        return session;
    }

    public List<Session> list() {
        return em.createNamedQuery("Session.all", Session.class).getResultList();
    }

    public Session get(String sessionId) {
        return find(sessionId).orElseThrow(() -> new NotFoundException("Session " + sessionId + " not found"));
    }

    /** Connects a stored session (called after its creation has committed). */
    public void connect(String sessionId) {
        runtime.start(get(sessionId).getSessionId());
    }

    /** Tears the connection down and connects again. */
    public Session restart(String sessionId) {
        Session s = get(sessionId);
        runtime.start(s.getSessionId());
        return get(sessionId);
    }

    /**
     * Deletes the session: first unlinks the device on WhatsApp when it is connected (outside any transaction,
     * it waits for the server), then removes it and every row it owns in one transaction.
     */
    public void delete(String sessionId) {
        get(sessionId);
        runtime.logoutAndStop(sessionId);
        if (!stateRepository.delete(sessionId)) {
            throw new NotFoundException("Session " + sessionId + " not found");
        }
        deleted.fire(new SessionDeleted(sessionId));
    }

    private Optional<Session> find(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        return em.createNamedQuery("Session.bySessionId", Session.class)
                .setParameter("sessionId", sessionId)
                .getResultStream().findFirst();
    }
}
