package app.statustracker.wa.pairing;

import static app.statustracker.wa.pairing.PairingVectors.seq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Expected values from Node's crypto (pbkdf2Sync, aes-256-ctr), see resources/vectors/pairing-vectors.js. */
class LinkCodeCipherTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final LinkCode CODE = new LinkCode("2W4KQ7ZR");

    @Test
    void codeKeyMatchesNodePbkdf2() {
        assertEquals("da3ccb038bc340f49a1f20328be2e06e0970752aa440dcb2b90d3106bfdf6a91",
                HEX.formatHex(LinkCodeCipher.codeKey(CODE, seq(1, 32))));
    }

    @Test
    void wrappingMatchesNodeAesCtr() throws Exception {
        byte[] wrapped = LinkCodeCipher.wrap(CODE, seq(0x40, 32), seq(1, 32), seq(0xA0, 16));
        assertEquals("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
                + "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"
                + "8c58dd9d7e7c847aa5b3c593e464803fcf98662fc25668ad1754df22ed95d799", HEX.formatHex(wrapped));
        assertArrayEquals(seq(0x40, 32), LinkCodeCipher.unwrap(CODE, wrapped));
    }

    @Test
    void randomWrapRoundTripsAndAWrongCodeGivesAnotherKey() throws Exception {
        byte[] key = seq(7, 32);
        byte[] wrapped = LinkCodeCipher.wrap(CODE, key, new SecureRandom());
        assertEquals(80, wrapped.length);
        assertArrayEquals(key, LinkCodeCipher.unwrap(CODE, wrapped));
        assertFalse(Arrays.equals(key, LinkCodeCipher.unwrap(new LinkCode("2W4KQ7ZS"), wrapped)));
    }

    @Test
    void wrongLengthIsAProtocolError() {
        assertThrows(PairingProtocolException.class, () -> LinkCodeCipher.unwrap(CODE, new byte[79]));
    }
}
