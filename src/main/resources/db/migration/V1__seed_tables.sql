-- The tables the REST contract needs: sessions, their statuses, each status's recipients and viewers,
-- and uploaded media. Portable SQL: the same file runs on PostgreSQL and on embedded H2.
-- Times are UTC (EclipseLink maps OffsetDateTime to TIMESTAMP WITHOUT TIME ZONE; we store UTC).

-- EclipseLink pre-allocates 50 ids per call and needs the first value to be at least that.
CREATE SEQUENCE st_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sessions (
    id            BIGINT       NOT NULL PRIMARY KEY,
    session_id    VARCHAR(64)  NOT NULL,
    session_name  VARCHAR(200) NOT NULL,
    auth_method   VARCHAR(16)  NOT NULL,
    phone_number  VARCHAR(20),
    state         VARCHAR(32)  NOT NULL,
    state_reason  VARCHAR(200),
    own_number    VARCHAR(20),
    own_lid       VARCHAR(64),
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    CONSTRAINT uq_sessions_session_id UNIQUE (session_id)
);

CREATE TABLE statuses (
    id              BIGINT        NOT NULL PRIMARY KEY,
    session_pk      BIGINT        NOT NULL,
    message_id      VARCHAR(64)   NOT NULL,
    type            VARCHAR(16)   NOT NULL,
    content         VARCHAR(65536),
    caption         VARCHAR(4096),
    state           VARCHAR(16)   NOT NULL,
    failure_reason  VARCHAR(500),
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT fk_statuses_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE,
    CONSTRAINT uq_statuses_message UNIQUE (session_pk, message_id)
);
CREATE INDEX ix_statuses_created ON statuses (session_pk, created_at);

CREATE TABLE status_recipients (
    id            BIGINT       NOT NULL PRIMARY KEY,
    status_pk     BIGINT       NOT NULL,
    jid           VARCHAR(100) NOT NULL,
    phone_number  VARCHAR(20),
    CONSTRAINT fk_recipients_status FOREIGN KEY (status_pk) REFERENCES statuses (id) ON DELETE CASCADE,
    CONSTRAINT uq_recipients UNIQUE (status_pk, jid)
);

-- One row per viewer of a status; receipts only ever fill a time that is still empty, so the first
-- delivery/view/play time is kept and repeats do not double-count.
CREATE TABLE status_viewers (
    id            BIGINT       NOT NULL PRIMARY KEY,
    status_pk     BIGINT       NOT NULL,
    viewer_jid    VARCHAR(100) NOT NULL,
    phone_number  VARCHAR(20),
    delivered_at  TIMESTAMP,
    viewed_at     TIMESTAMP,
    played_at     TIMESTAMP,
    CONSTRAINT fk_viewers_status FOREIGN KEY (status_pk) REFERENCES statuses (id) ON DELETE CASCADE,
    CONSTRAINT uq_viewers UNIQUE (status_pk, viewer_jid)
);
CREATE INDEX ix_viewers_viewed ON status_viewers (viewed_at);

CREATE TABLE media_files (
    id           BIGINT       NOT NULL PRIMARY KEY,
    filename     VARCHAR(200) NOT NULL,
    media_type   VARCHAR(16)  NOT NULL,
    mime_type    VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    CONSTRAINT uq_media_filename UNIQUE (filename)
);
