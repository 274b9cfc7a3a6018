package app.statustracker.wa.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesGcmTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void nistVectorWithAad() throws Exception {
        // NIST GCM test vectors (gcmEncryptExtIV256.rsp), Keylen 256, IVlen 96, PTlen 128, AADlen 128, Count 0
        byte[] key = HEX.parseHex("92e11dcdaa866f5ce790fd24501f92509aacf4cb8b1339d50c9c1240935dd08b");
        byte[] iv = HEX.parseHex("ac93a1a6145299bde902f21a");
        byte[] pt = HEX.parseHex("2d71bcfa914e4ac045b2aa60955fad24");
        byte[] aad = HEX.parseHex("1e0889016f67601c8ebea4943bc23ad6");
        byte[] ct = HEX.parseHex("8995ae2e6df3dbf96fac7b7137bae67feca5aa77d51d4a0a14d9c51e1da474ab");
        assertArrayEquals(ct, AesGcm.encrypt(key, iv, aad, pt));
        assertArrayEquals(pt, AesGcm.decrypt(key, iv, aad, ct));
    }

    @Test
    void tamperingIsRefused() throws Exception {
        byte[] key = new byte[32];
        byte[] iv = new byte[12];
        byte[] ct = AesGcm.encrypt(key, iv, null, "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(5 + 16, ct.length);
        ct[0] ^= 1;
        assertThrows(DecryptionFailedException.class, () -> AesGcm.decrypt(key, iv, null, ct));
        ct[0] ^= 1;
        assertThrows(DecryptionFailedException.class, () -> AesGcm.decrypt(key, iv, new byte[] {1}, ct));
        assertThrows(DecryptionFailedException.class, () -> AesGcm.decrypt(key, iv, null, new byte[15]));
    }
}
