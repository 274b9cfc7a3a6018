package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Per-address rate limit, on its own deployment so that no other test's requests count. The build gives
 * this suite a short window (RATE_LIMIT_WINDOW_MINUTES) so that recovery takes seconds.
 */
class RateLimitIT extends DeployedWar {
    @Test
    void reaches429WithRetryAfterAndRecovers() throws InterruptedException {
        ApiClient api = newClient();
        Reply first = api.get("/api/health");
        assertEquals(200, first.status());
        long limit = Long.parseLong(first.header("RateLimit-Limit"));
        assertEquals(limit - 1, Long.parseLong(first.header("RateLimit-Remaining")));

        Reply refused = null;
        long previousRemaining = limit - 1;
        for (int i = 0; i < limit * 5 && refused == null; i++) {
            // unauthenticated requests count too: guessing keys is rate-limited
            Reply r = i % 2 == 0 ? api.get("/api/health") : api.send("GET", "/api/health", null);
            if (r.status() == 429) {
                refused = r;
            } else {
                long remaining = Long.parseLong(r.header("RateLimit-Remaining"));
                assertTrue(remaining < previousRemaining || remaining == limit - 1, "remaining must fall");
                previousRemaining = remaining;
            }
        }
        assertNotNull(refused, "never refused after " + limit * 5 + " requests");
        assertFalse(refused.json().getBoolean("success"));
        assertTrue(refused.error().toLowerCase().contains("too many"), refused.raw());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertNotNull(refused.header("RateLimit-Reset"));

        Thread.sleep(retryAfter * 1000 + 300);
        Reply recovered = api.get("/api/health");
        assertEquals(200, recovered.status(), recovered.raw());
    }
}
