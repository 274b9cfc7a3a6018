package app.statustracker.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void matchesOnlyTheExactKey() {
        assertTrue(ApiKeys.matches("k-0123456789abcdef", "k-0123456789abcdef"));
        assertFalse(ApiKeys.matches("k-0123456789abcdef", "k-0123456789abcde"));
        assertFalse(ApiKeys.matches("k-0123456789abcdef", "k-0123456789abcdeF"));
        assertFalse(ApiKeys.matches("k-0123456789abcdef", ""));
        assertFalse(ApiKeys.matches(null, "x"));
        assertFalse(ApiKeys.matches("x", null));
    }

    @Test
    void theHeaderParserTakesXApiKeyFirstThenABearerOfAnyCase() {
        org.junit.jupiter.api.Assertions.assertEquals("k1", ApiKeys.fromHeaders("k1", "Bearer k2"));
        org.junit.jupiter.api.Assertions.assertEquals("k2", ApiKeys.fromHeaders(null, "Bearer k2"));
        org.junit.jupiter.api.Assertions.assertEquals("k3", ApiKeys.fromHeaders(null, "bearer   k3 "));
        org.junit.jupiter.api.Assertions.assertNull(ApiKeys.fromHeaders(null, "Basic abc"));
        org.junit.jupiter.api.Assertions.assertNull(ApiKeys.fromHeaders(null, null));
    }
}
