package app.statustracker.wa.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaintextPaddingTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void padsOneToSixteenBytesOfTheirCountAndUnpads() throws InvalidPaddingException {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] plaintext = new byte[random.nextInt(40)];
            random.nextBytes(plaintext);
            byte[] padded = PlaintextPadding.pad(plaintext, random);
            int n = padded.length - plaintext.length;
            assertTrue(n >= 1 && n <= 16, "pad length " + n);
            for (int j = plaintext.length; j < padded.length; j++) {
                assertEquals(n, padded[j]);
            }
            assertArrayEquals(plaintext, PlaintextPadding.unpad(padded));
            seen.add(n);
        }
        assertEquals(16, seen.size(), "every length 1..16 occurs");
    }

    @Test
    void fixedPaddingRoundTripsAndRefusesLengthsOutsideOneToSixteen() throws InvalidPaddingException {
        byte[] message = {0x0A, 0x03, 'h', 'i', '!'};
        assertArrayEquals(new byte[] {0x0A, 0x03, 'h', 'i', '!', 3, 3, 3}, PlaintextPadding.pad(message, 3));
        assertArrayEquals(message, PlaintextPadding.unpad(PlaintextPadding.pad(message, 16)));
        assertThrows(IllegalArgumentException.class, () -> PlaintextPadding.pad(message, 0));
        assertThrows(IllegalArgumentException.class, () -> PlaintextPadding.pad(message, 17));
    }

    @Test
    void rejectsInconsistentPadding() {
        assertThrows(InvalidPaddingException.class, () -> PlaintextPadding.unpad(new byte[0]));
        assertThrows(InvalidPaddingException.class, () -> PlaintextPadding.unpad(new byte[] {1, 2, 0}));
        assertThrows(InvalidPaddingException.class, () -> PlaintextPadding.unpad(new byte[] {3, 3}));
        assertThrows(InvalidPaddingException.class, () -> PlaintextPadding.unpad(new byte[] {9, 2, 3, 3}));
        byte[] unpadded = {10, 20, 7, 3, 3};
        assertThrows(InvalidPaddingException.class, () -> PlaintextPadding.unpad(unpadded));
        byte[] all = new byte[5];
        Arrays.fill(all, (byte) 5);
        assertThrows(InvalidPaddingException.class, () -> PlaintextPadding.unpad(new byte[] {4, 4, 4}));
        try {
            assertEquals(0, PlaintextPadding.unpad(all).length);
        } catch (InvalidPaddingException e) {
            throw new AssertionError(e);
        }
    }
}
