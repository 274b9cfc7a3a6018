package app.statustracker.persistence;

/**
 * The tables that hold sealed protocol state by {@code (session_pk, record_key)} (V3 migration). Each value is
 * sealed with the table, session and record key as associated data, so a value moved to another row does not open.
 */
public enum SealedTable {
    /** Remote identity keys we trust, by Signal address {@code name.device}. */
    SIGNAL_IDENTITIES("signal_identities"),
    /** Double-ratchet session records, by Signal address {@code name.device}. */
    SIGNAL_SESSIONS("signal_sessions"),
    /** Sender-key records (ours and received ones), by {@code group::name::device}. */
    SENDER_KEYS("sender_keys"),
    /** What we sent as each recent status, by message id, to answer retry receipts after a restart (V4). */
    SENT_STATUS_PAYLOADS("sent_status_payloads");

    private final String table;

    SealedTable(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    /** The maximum record key length the column takes. */
    public int maxKeyLength() {
        return this == SENDER_KEYS ? 300 : 200;
    }

    String place(long sessionPk, String recordKey) {
        return table + "/" + sessionPk + "/" + recordKey;
    }
}
