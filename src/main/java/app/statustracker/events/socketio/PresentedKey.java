package app.statustracker.events.socketio;

import java.util.Map;

/** Where a Socket.IO client may put the API key, in the order we look: header, bearer, query, handshake auth. */
final class PresentedKey {
    private PresentedKey() {
    }

    static String fromHeaders(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null) {
            return apiKeyHeader;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** {@code io({auth: {token}})} or {@code {auth: {apiKey}}}; anything else is no key. */
    static String fromAuth(Object connectData) {
        if (connectData instanceof org.json.JSONObject auth) {
            for (String field : new String[] {"token", "apiKey"}) {
                Object value = auth.opt(field);
                if (value instanceof String key) {
                    return key;
                }
            }
        }
        if (connectData instanceof Map<?, ?> map) {
            for (String field : new String[] {"token", "apiKey"}) {
                if (map.get(field) instanceof String key) {
                    return key;
                }
            }
        }
        return null;
    }
}
