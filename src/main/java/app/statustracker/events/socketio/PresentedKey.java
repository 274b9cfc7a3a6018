package app.statustracker.events.socketio;

import java.util.Map;

/** The key a Socket.IO client sent in its handshake's {@code auth}; headers and query are read by the filter. */
final class PresentedKey {
    private PresentedKey() {
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
