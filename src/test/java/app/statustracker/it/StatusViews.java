package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.statustracker.it.ApiClient.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads a posted status back through the API: its viewers by phone number, and its entry in sent-statuses. */
final class StatusViews {
    private StatusViews() {
    }

    /** {@code status-viewers/:id} as phone number → viewer; fails on a viewer listed twice or without a number. */
    static Map<String, JsonObject> viewers(ApiClient api, String sessionId, String statusId) {
        Reply r = api.get("/api/sessions/" + sessionId + "/status-viewers/" + statusId);
        assertEquals(200, r.status(), r.raw());
        JsonObject data = r.json().getJsonObject("data");
        assertEquals(statusId, data.getString("statusId"));
        return byPhone(data.getJsonArray("viewers"));
    }

    /** A viewer list (the API's or an event's) keyed by phone number, each viewer exactly once. */
    static Map<String, JsonObject> byPhone(JsonArray viewers) {
        Map<String, JsonObject> byPhone = new LinkedHashMap<>();
        for (JsonValue v : viewers) {
            JsonObject viewer = v.asJsonObject();
            assertEquals(JsonValue.ValueType.STRING, viewer.get("phoneNumber").getValueType(),
                    "every viewer's number is known: " + viewers);
            assertNull(byPhone.put(viewer.getString("phoneNumber"), viewer), "listed twice: " + viewers);
        }
        return byPhone;
    }

    /** Polls {@code status-viewers/:id} until it shows what the test waits for. */
    static Map<String, JsonObject> await(ApiClient api, String sessionId, String statusId,
                                         Predicate<Map<String, JsonObject>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, JsonObject> last = null;
        while (System.nanoTime() < deadline) {
            last = viewers(api, sessionId, statusId);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250); // well inside the IT server's rate limit
        }
        throw new AssertionError("status " + statusId + " never showed the expected viewers: " + last);
    }

    /** The status's entry in {@code sent-statuses}, if listed. */
    static Optional<JsonObject> summary(ApiClient api, String sessionId, String statusId) {
        Reply r = api.get("/api/sessions/" + sessionId + "/sent-statuses");
        assertEquals(200, r.status(), r.raw());
        return r.json().getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("id").equals(statusId)).findFirst();
    }

    /** A viewer's time field; null when not yet (written out as JSON null). */
    static Instant time(JsonObject viewer, String field) {
        JsonValue v = viewer.get(field);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null
                : OffsetDateTime.parse(viewer.getString(field)).toInstant();
    }
}
