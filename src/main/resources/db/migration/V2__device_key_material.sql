-- Key material of each linked device: its credentials (noise, identity and signed pre-key, adv secret, account)
-- and its one-time pre-keys. Values are sealed with AES-GCM under the master key before they are written
-- (persistence.KeyMaterialCipher); the database never sees a private key. Rows go with their session.

CREATE TABLE device_credentials (
    session_pk  BIGINT    NOT NULL PRIMARY KEY,
    data        BYTEA     NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    CONSTRAINT fk_credentials_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE TABLE pre_keys (
    session_pk  BIGINT  NOT NULL,
    key_id      INTEGER NOT NULL,
    data        BYTEA   NOT NULL,
    CONSTRAINT pk_pre_keys PRIMARY KEY (session_pk, key_id),
    CONSTRAINT fk_pre_keys_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);
