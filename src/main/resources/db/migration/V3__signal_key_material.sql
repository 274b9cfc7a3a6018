-- Signal protocol state of each linked device: what it knows about other devices and what it has
-- told them. Portable SQL (PostgreSQL and embedded H2); every row goes with its session.
--
-- Key material (identity keys, Signal sessions, sender keys) is sealed with AES-GCM under the master key before
-- it is written (persistence.KeyMaterialCipher, associated data "<table>/<session_pk>/<record_key>"), so the
-- database never sees a private or chain key. record_key is libsignal's store key: "name.device" for identities
-- and sessions, "group::name::device" for sender keys.

CREATE TABLE signal_identities (
    session_pk  BIGINT       NOT NULL,
    record_key  VARCHAR(200) NOT NULL,
    data        BYTEA        NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_signal_identities PRIMARY KEY (session_pk, record_key),
    CONSTRAINT fk_signal_identities_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE TABLE signal_sessions (
    session_pk  BIGINT       NOT NULL,
    record_key  VARCHAR(200) NOT NULL,
    data        BYTEA        NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_signal_sessions PRIMARY KEY (session_pk, record_key),
    CONSTRAINT fk_signal_sessions_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE TABLE sender_keys (
    session_pk  BIGINT       NOT NULL,
    record_key  VARCHAR(300) NOT NULL,
    data        BYTEA        NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_sender_keys PRIMARY KEY (session_pk, record_key),
    CONSTRAINT fk_sender_keys_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);

-- Which phone-number user a LID user is (usync lid results, participant_pn attributes, incoming messages).
-- Not key material: stored in the clear, like the phone numbers of recipients and viewers.
CREATE TABLE lid_mappings (
    session_pk  BIGINT      NOT NULL,
    lid_user    VARCHAR(64) NOT NULL,
    pn_user     VARCHAR(32) NOT NULL,
    updated_at  TIMESTAMP   NOT NULL,
    CONSTRAINT pk_lid_mappings PRIMARY KEY (session_pk, lid_user),
    CONSTRAINT fk_lid_mappings_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);
CREATE INDEX ix_lid_mappings_pn ON lid_mappings (session_pk, pn_user);

-- Devices that already hold our current sender key for a chat (status@broadcast): they get the skmsg only.
-- Rotating the key (a device left the audience) empties the chat's rows
-- (docs/decisions.md, Posting statuses and reading receipts, "Sender key").
CREATE TABLE sender_key_holders (
    session_pk  BIGINT       NOT NULL,
    group_id    VARCHAR(100) NOT NULL,
    device_jid  VARCHAR(100) NOT NULL,
    since       TIMESTAMP    NOT NULL,
    CONSTRAINT pk_sender_key_holders PRIMARY KEY (session_pk, group_id, device_jid),
    CONSTRAINT fk_sender_key_holders_session FOREIGN KEY (session_pk) REFERENCES sessions (id) ON DELETE CASCADE
);
