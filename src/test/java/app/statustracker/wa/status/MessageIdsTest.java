package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void matchesSha256OfTimeUserAndRandom() {
        byte[] random = new byte[16];
        for (int i = 0; i < 16; i++) {
            random[i] = (byte) i;
        }
        // computed independently: sha256(uint64be(1700000000) ‖ "15551234567@c.us" ‖ 00..0f)[0..9], upper hex
        assertEquals("3EB05765B9D1119841E331",
                MessageIds.generate("15551234567", Instant.ofEpochSecond(1700000000L), random));
    }

    @Test
    void freshIdsHaveWaWebShapeAndDiffer() {
        SecureRandom random = new SecureRandom();
        String first = MessageIds.generate("15551234567", Instant.now(), random);
        String second = MessageIds.generate("15551234567", Instant.now(), random);
        assertTrue(first.matches("3EB0[0-9A-F]{18}"), first);
        assertEquals(MessageIds.LENGTH, first.length());
        assertNotEquals(first, second);
    }
}
