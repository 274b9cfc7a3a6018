-- What a linked device sent as each recent status (the Message bytes, sender key id, audience), sealed like the
-- other protocol state: a viewer device that could not decrypt a status asks for it again with a retry receipt
-- (docs/protocol.md, Retries), possibly after a restart, and only this lets us answer it. Rows older than a day are
-- useless (statuses expire) and are deleted as new ones are written.

CREATE TABLE sent_status_payloads (
    session_pk  BIGINT       NOT NULL,
    record_key  VARCHAR(200) NOT NULL,
    data        BYTEA        NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_sent_status_payloads PRIMARY KEY (session_pk, record_key),
    CONSTRAINT fk_sent_status_payloads_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);
CREATE INDEX ix_sent_status_payloads_age ON sent_status_payloads (session_pk, updated_at);
