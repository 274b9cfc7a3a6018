package app.statustracker.simulator.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class LinkingQrTest {
    private static final byte[] A = filled(1);
    private static final byte[] B = filled(2);
    private static final byte[] C = filled(3);

    @Test
    void parsesTheCurrentAndTheLegacyForm() throws Exception {
        LinkingQr qr = LinkingQr.parse("https://wa.me/settings/linked_devices#2@ref," + b64(A) + "," + b64(B) + ","
                + b64(C) + ",1");
        assertEquals("2@ref", qr.ref());
        assertArrayEquals(A, qr.noiseKey());
        assertArrayEquals(B, qr.identityKey());
        assertArrayEquals(C, qr.advSecret());
        assertEquals("1", qr.platformId());
        assertNull(LinkingQr.parse("2@ref," + b64(A) + "," + b64(B) + "," + b64(C)).platformId());
    }

    @Test
    void refusesWrongFieldCountsAndKeyLengths() {
        assertThrows(LinkRejectedException.class, () -> LinkingQr.parse("https://wa.me/settings/linked_devices#r,"
                + b64(A) + "," + b64(B) + "," + b64(C)));
        assertThrows(LinkRejectedException.class, () -> LinkingQr.parse("r," + b64(A) + "," + b64(new byte[31])
                + "," + b64(C)));
        assertThrows(LinkRejectedException.class, () -> LinkingQr.parse("r,%%%," + b64(B) + "," + b64(C)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
