package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagePaddingTest {
    private static final byte[] MESSAGE = {0x0A, 0x03, 'h', 'i', '!'};

    @Test
    void padsWithNBytesOfValueNFromOneToSixteen() {
        SecureRandom random = new SecureRandom();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] padded = MessagePadding.pad(MESSAGE, random);
            int n = padded.length - MESSAGE.length;
            assertTrue(n >= 1 && n <= 16, "padding " + n);
            for (int j = MESSAGE.length; j < padded.length; j++) {
                assertEquals(n, padded[j]);
            }
            seen.add(n);
        }
        assertEquals(16, seen.size(), "every length 1..16 should occur in 2000 draws");
    }

    @Test
    void fixedPaddingAndRoundTrip() {
        assertArrayEquals(new byte[] {0x0A, 0x03, 'h', 'i', '!', 3, 3, 3}, MessagePadding.pad(MESSAGE, 3));
        assertArrayEquals(MESSAGE, MessagePadding.unpad(MessagePadding.pad(MESSAGE, 16)));
        assertThrows(IllegalArgumentException.class, () -> MessagePadding.pad(MESSAGE, 0));
        assertThrows(IllegalArgumentException.class, () -> MessagePadding.pad(MESSAGE, 17));
    }

    @Test
    void unpadRejectsInconsistentPadding() {
        assertThrows(IllegalArgumentException.class, () -> MessagePadding.unpad(new byte[] {1, 2, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> MessagePadding.unpad(new byte[] {9, 9}));
        assertThrows(IllegalArgumentException.class, () -> MessagePadding.unpad(new byte[] {5, 0}));
        assertThrows(IllegalArgumentException.class, () -> MessagePadding.unpad(new byte[0]));
    }
}
