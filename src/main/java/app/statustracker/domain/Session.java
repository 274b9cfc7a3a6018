package app.statustracker.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One WhatsApp account linked (or being linked) as a companion device. */
@Entity
@Table(name = "sessions")
@NamedQuery(name = "Session.bySessionId", query = "SELECT s FROM Session s WHERE s.sessionId = :sessionId")
@NamedQuery(name = "Session.all", query = "SELECT s FROM Session s ORDER BY s.createdAt, s.id")
public class Session {
    @Id
    @SequenceGenerator(name = "st_id", sequenceName = "st_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "st_id")
    private Long id;

    @Column(name = "session_id", nullable = false, length = 64)
    private String sessionId;

    @Column(name = "session_name", nullable = false, length = 200)
    private String sessionName;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_method", nullable = false, length = 16)
    private AuthMethod authMethod;

    @Column(name = "phone_number", length = 20)
    private String phoneNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 32)
    private LinkState state;

    @Column(name = "state_reason", length = 200)
    private String stateReason;

    @Column(name = "own_number", length = 20)
    private String ownNumber;

    @Column(name = "own_lid", length = 64)
    private String ownLid;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Session() {
    }

    public Session(String sessionId, String sessionName, AuthMethod authMethod, String phoneNumber) {
        this.sessionId = sessionId;
        this.sessionName = sessionName;
        this.authMethod = authMethod;
        this.phoneNumber = phoneNumber;
        this.state = LinkState.CONNECTING;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    public void changeState(LinkState newState, String reason) {
        this.state = newState;
        this.stateReason = reason;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** WhatsApp told us who we are on this account: its phone number and LID. */
    public void linkedAs(String ownNumber, String ownLid) {
        this.ownNumber = ownNumber;
        this.ownLid = ownLid;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getSessionName() {
        return sessionName;
    }

    public AuthMethod getAuthMethod() {
        return authMethod;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public LinkState getState() {
        return state;
    }

    public String getStateReason() {
        return stateReason;
    }

    public String getOwnNumber() {
        return ownNumber;
    }

    public String getOwnLid() {
        return ownLid;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
