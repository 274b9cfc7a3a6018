package app.statustracker.wa.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.wa.crypto.DecryptionFailedException;
import org.junit.jupiter.api.Test;

class TransportCipherTest {
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
        }
    }

    @Test
    void countsFramesIntoTheIvWithEmptyAad() throws Exception {
        TransportCipher sending = new TransportCipher(KEY);
        for (int i = 0; i < 3; i++) {
            byte[] plaintext = {(byte) i, 42};
            assertArrayEquals(SymmetricStateTest.gcm(KEY, i, new byte[0], plaintext), sending.encrypt(plaintext));
        }
        assertEquals(3, sending.counter());
    }

    @Test
    void receiverMustSeeFramesInOrder() throws Exception {
        TransportCipher sending = new TransportCipher(KEY);
        TransportCipher receiving = new TransportCipher(KEY);
        byte[] f0 = sending.encrypt(new byte[] {0});
        byte[] f1 = sending.encrypt(new byte[] {1});
        assertThrows(DecryptionFailedException.class, () -> receiving.decrypt(f1));
        assertEquals(0, receiving.counter(), "a refused frame does not move the counter");
        assertArrayEquals(new byte[] {0}, receiving.decrypt(f0));
        assertThrows(DecryptionFailedException.class, () -> receiving.decrypt(f0), "replay");
    }
}
