package app.statustracker.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One one-time pre-key of a session's device; {@code data} is the sealed private key. */
@Entity
@Table(name = "pre_keys")
@IdClass(PreKeyRow.Key.class)
public class PreKeyRow {
    @Id
    @Column(name = "session_pk")
    private Long sessionPk;

    @Id
    @Column(name = "key_id")
    private Integer keyId;

    @Column(name = "data", nullable = false)
    private byte[] data;

    protected PreKeyRow() {
    }

    PreKeyRow(long sessionPk, int keyId, byte[] data) {
        this.sessionPk = sessionPk;
        this.keyId = keyId;
        this.data = data;
    }

    int keyId() {
        return keyId;
    }

    byte[] data() {
        return data;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public Long sessionPk;
        public Integer keyId;

        public Key() {
        }

        public Key(long sessionPk, int keyId) {
            this.sessionPk = sessionPk;
            this.keyId = keyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(sessionPk, k.sessionPk)
                    && java.util.Objects.equals(keyId, k.keyId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(sessionPk, keyId);
        }
    }
}
