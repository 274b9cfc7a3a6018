package app.statustracker.wa.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCodeTest {

    @Test
    void fortyBitsBecomeEightCharactersMostSignificantFirst() {
        assertEquals("11111111", LinkCode.fromBytes(new byte[5]).value());
        assertEquals("ZZZZZZZZ", LinkCode.fromBytes(new byte[] {-1, -1, -1, -1, -1}).value());
        // 0x0000000001 → last character is alphabet[1]; 0x8000000000 → first is alphabet[16]
        assertEquals("11111112", LinkCode.fromBytes(new byte[] {0, 0, 0, 0, 1}).value());
        assertEquals("H1111111", LinkCode.fromBytes(new byte[] {(byte) 0x80, 0, 0, 0, 0}).value());
    }

    @Test
    void generatedCodesUseOnlyTheAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = LinkCode.generate(random).value();
            assertEquals(8, code.length());
            assertTrue(code.chars().allMatch(c -> LinkCode.ALPHABET.indexOf(c) >= 0), code);
            assertTrue(code.chars().noneMatch(c -> c == '0' || c == 'O' || c == 'I' || c == 'U'), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 190, "codes should not repeat");
    }

    @Test
    void typedFormsAreNormalisedAndBadOnesRefused() {
        assertEquals("2W4KQ7ZR", LinkCode.parse("2w4k-q7zr").value());
        assertEquals("2W4K-Q7ZR", new LinkCode("2W4KQ7ZR").withDash());
        assertThrows(IllegalArgumentException.class, () -> new LinkCode("2W4KQ7Z"));
        assertThrows(IllegalArgumentException.class, () -> new LinkCode("2W4KQ7Z0"));
        assertThrows(IllegalArgumentException.class, () -> new LinkCode("2W4KQ7ZU"));
    }
}
