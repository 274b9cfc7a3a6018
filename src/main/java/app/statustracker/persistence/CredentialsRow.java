package app.statustracker.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One session's device credentials, sealed (see {@link KeyMaterialCipher}). */
@Entity
@Table(name = "device_credentials")
public class CredentialsRow {
    @Id
    @Column(name = "session_pk")
    private Long sessionPk;

    @Column(name = "data", nullable = false)
    private byte[] data;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected CredentialsRow() {
    }

    CredentialsRow(long sessionPk, byte[] data) {
        this.sessionPk = sessionPk;
        replace(data);
    }

    void replace(byte[] sealed) {
        this.data = sealed;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    byte[] data() {
        return data;
    }
}
