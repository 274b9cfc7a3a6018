package app.statustracker.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One member of a status's audience as it was addressed: the user JID the stanza named (a LID when WhatsApp
 * addresses the contact by LID) and the phone number the caller asked for. A revoke goes to the same list.
 */
@Entity
@Table(name = "status_recipients")
public class StatusRecipient {
    @Id
    @SequenceGenerator(name = "st_recipient_id", sequenceName = "st_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "st_recipient_id")
    private Long id;

    @Column(name = "status_pk", nullable = false)
    private Long statusPk;

    @Column(name = "jid", nullable = false, length = 100)
    private String jid;

    @Column(name = "phone_number", length = 20)
    private String phoneNumber;

    protected StatusRecipient() {
    }

    public StatusRecipient(long statusPk, String jid, String phoneNumber) {
        this.statusPk = statusPk;
        this.jid = jid;
        this.phoneNumber = phoneNumber;
    }

    public Long getId() {
        return id;
    }

    public Long getStatusPk() {
        return statusPk;
    }

    public String getJid() {
        return jid;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }
}
