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
}
