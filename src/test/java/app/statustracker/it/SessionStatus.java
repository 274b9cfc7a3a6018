package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;

/** Polls a session's connection-status until it shows what a test waits for. */
final class SessionStatus {
    private SessionStatus() {
    }

    static JsonObject get(ApiClient api, String sessionId) {
        Reply r = api.get("/api/sessions/" + sessionId + "/connection-status");
        assertEquals(200, r.status(), r.raw());
        return r.json().getJsonObject("data");
    }

    static JsonObject await(ApiClient api, String sessionId, Predicate<JsonObject> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Reply r = api.get("/api/sessions/" + sessionId + "/connection-status");
            if (r.status() == 200) { // a server still starting may answer 503 for a moment
                last = r.json().getJsonObject("data");
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session " + sessionId + " did not reach the expected state: " + last);
    }

    /** The companion's device number, from its LID ({@code user:device@lid}). */
    static int device(JsonObject status) {
        return Integer.parseInt(status.getString("ownLid").replaceAll(".*:(\\d+)@lid", "$1"));
    }
}
