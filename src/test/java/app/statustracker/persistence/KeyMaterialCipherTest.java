package app.statustracker.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyMaterialCipherTest {
    private final byte[] master = new byte[32];
    private final KeyMaterialCipher cipher = new KeyMaterialCipher(master);
    private final byte[] secret = "identity-private-key-32-bytes!!!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void roundTripsAndNeverStoresPlaintext() {
        byte[] stored = cipher.encrypt(secret, "credentials/acc1/identity");
        assertFalse(containsSubsequence(stored, secret));
        assertArrayEquals(secret, cipher.decrypt(stored, "credentials/acc1/identity"));
        assertNotEquals(Arrays.toString(stored), Arrays.toString(cipher.encrypt(secret, "credentials/acc1/identity")),
                "a fresh nonce each time");
    }

    @Test
    void refusesAlteredMovedOrForeignValues() {
        byte[] stored = cipher.encrypt(secret, "credentials/acc1/identity");
        byte[] altered = stored.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(KeyMaterialUnreadableException.class, () -> cipher.decrypt(altered, "credentials/acc1/identity"));
        assertThrows(KeyMaterialUnreadableException.class, () -> cipher.decrypt(stored, "credentials/acc2/identity"));
        byte[] otherMaster = new byte[32];
        otherMaster[0] = 1;
        assertThrows(KeyMaterialUnreadableException.class,
                () -> new KeyMaterialCipher(otherMaster).decrypt(stored, "credentials/acc1/identity"));
        assertThrows(KeyMaterialUnreadableException.class, () -> cipher.decrypt(new byte[5], "x"));
        assertThrows(IllegalArgumentException.class, () -> new KeyMaterialCipher(new byte[16]));
    }

    private static boolean containsSubsequence(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
