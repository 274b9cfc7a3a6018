package app.statustracker.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures the bytes each session's rows occupy, table by table. PostgreSQL reports the stored size of each
 * row ({@code pg_column_size}); H2 has no such function, so there we add up the stored width of every
 * column value. Tables that belong to a session join to it through {@link #joins}; later key-material tables
 * add themselves here.
 */
public final class StorageQueries {
    /** table → SQL fragment selecting its rows for session alias {@code s}, with row alias {@code x}. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();
    /** table → its columns with H2 widths: "b" fixed 8 bytes, "v" variable text. */
    private static final Map<String, String> H2_COLUMNS = new LinkedHashMap<>();

    static {
        ROWS.put("sessions", "FROM sessions x WHERE x.id = s.id");
        H2_COLUMNS.put("sessions", "id:b session_id:v session_name:v auth_method:v phone_number:v state:v "
                + "state_reason:v own_number:v own_lid:v created_at:b updated_at:b");
        ROWS.put("statuses", "FROM statuses x WHERE x.session_pk = s.id");
        H2_COLUMNS.put("statuses", "id:b session_pk:b message_id:v type:v content:v caption:v state:v "
                + "failure_reason:v created_at:b");
        ROWS.put("status_recipients",
                "FROM status_recipients x JOIN statuses p ON x.status_pk = p.id WHERE p.session_pk = s.id");
        H2_COLUMNS.put("status_recipients", "id:b status_pk:b jid:v phone_number:v");
        ROWS.put("status_viewers",
                "FROM status_viewers x JOIN statuses p ON x.status_pk = p.id WHERE p.session_pk = s.id");
        H2_COLUMNS.put("status_viewers", "id:b status_pk:b viewer_jid:v phone_number:v delivered_at:b viewed_at:b "
                + "played_at:b");
        ROWS.put("device_credentials", "FROM device_credentials x WHERE x.session_pk = s.id");
        H2_COLUMNS.put("device_credentials", "session_pk:b data:v updated_at:b");
        ROWS.put("pre_keys", "FROM pre_keys x WHERE x.session_pk = s.id");
        H2_COLUMNS.put("pre_keys", "session_pk:b key_id:b data:v");
        for (String sealed : new String[] {"signal_identities", "signal_sessions", "sender_keys",
                "sent_status_payloads"}) {
            ROWS.put(sealed, "FROM " + sealed + " x WHERE x.session_pk = s.id");
            H2_COLUMNS.put(sealed, "session_pk:b record_key:v data:v updated_at:b");
        }
        ROWS.put("lid_mappings", "FROM lid_mappings x WHERE x.session_pk = s.id");
        H2_COLUMNS.put("lid_mappings", "session_pk:b lid_user:v pn_user:v updated_at:b");
        ROWS.put("sender_key_holders", "FROM sender_key_holders x WHERE x.session_pk = s.id");
        H2_COLUMNS.put("sender_key_holders", "session_pk:b group_id:v device_jid:v since:b");
    }

    private final boolean postgres;

    public StorageQueries(boolean postgres) {
        this.postgres = postgres;
    }

    public List<String> tables() {
        return List.copyOf(ROWS.keySet());
    }

    public String method() {
        return postgres ? "pg_column_size per row" : "sum of stored column widths";
    }

    /** One row per session: session_id, then one byte count per table in {@link #tables()} order. */
    public String perSessionSql() {
        String columns = ROWS.entrySet().stream()
                .map(e -> "(SELECT COALESCE(SUM(" + rowSize(e.getKey()) + "), 0) " + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return "SELECT s.session_id, " + columns + " FROM sessions s ORDER BY s.session_id";
    }

    private String rowSize(String table) {
        if (postgres) {
            return "pg_column_size(x.*)";
        }
        return java.util.Arrays.stream(H2_COLUMNS.get(table).split(" "))
                .map(col -> {
                    String[] parts = col.split(":");
                    String ref = "x." + parts[0];
                    return "b".equals(parts[1])
                            ? "CASE WHEN " + ref + " IS NULL THEN 0 ELSE 8 END"
                            : "COALESCE(OCTET_LENGTH(" + ref + "), 0)";
                })
                .collect(Collectors.joining(" + "));
    }
}
