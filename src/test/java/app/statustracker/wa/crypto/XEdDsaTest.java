package app.statustracker.wa.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class XEdDsaTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @RepeatedTest(20)
    void signatureVerifiesUnderTheMontgomeryKey() {
        Curve25519KeyPair pair = Curve25519.generateKeyPair();
        byte[] message = randomBytes(RANDOM.nextInt(200));
        byte[] signature = XEdDsa.sign(pair.privateKey(), message);
        assertEquals(64, signature.length);
        assertTrue(XEdDsa.verify(pair.publicKey(), message, signature));
    }

    @Test
    void freshRandomnessGivesDistinctSignaturesThatAllVerify() {
        Curve25519KeyPair pair = Curve25519.generateKeyPair();
        byte[] message = randomBytes(33);
        byte[] first = XEdDsa.sign(pair.privateKey(), message);
        byte[] second = XEdDsa.sign(pair.privateKey(), message);
        assertFalse(Arrays.equals(first, second));
        assertTrue(XEdDsa.verify(pair.publicKey(), message, first));
        assertTrue(XEdDsa.verify(pair.publicKey(), message, second));
    }

    @Test
    void sameRandomnessIsDeterministic() {
        Curve25519KeyPair pair = Curve25519.generateKeyPair();
        byte[] z = randomBytes(64);
        assertArrayEquals(XEdDsa.sign(pair.privateKey(), new byte[] {7}, z), XEdDsa.sign(pair.privateKey(), new byte[] {7}, z));
    }

    @Test
    void everyFlippedBitIsRejected() {
        Curve25519KeyPair pair = Curve25519.generateKeyPair();
        byte[] message = randomBytes(40);
        byte[] signature = XEdDsa.sign(pair.privateKey(), message);
        for (int bit = 0; bit < 512; bit++) {
            byte[] tampered = signature.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(XEdDsa.verify(pair.publicKey(), message, tampered), "signature bit " + bit);
        }
        for (int bit = 0; bit < message.length * 8; bit += 7) {
            byte[] tampered = message.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(XEdDsa.verify(pair.publicKey(), tampered, signature), "message bit " + bit);
        }
        byte[] otherKey = Curve25519.generateKeyPair().publicKey();
        assertFalse(XEdDsa.verify(otherKey, message, signature));
    }

    @Test
    void malformedInputIsInvalidNotAnError() {
        Curve25519KeyPair pair = Curve25519.generateKeyPair();
        byte[] signature = XEdDsa.sign(pair.privateKey(), new byte[] {1});
        assertFalse(XEdDsa.verify(Curve25519.withTypePrefix(pair.publicKey()), new byte[] {1}, signature));
        assertFalse(XEdDsa.verify(pair.publicKey(), new byte[] {1}, Arrays.copyOf(signature, 63)));
        assertFalse(XEdDsa.verify(null, new byte[] {1}, signature));
        assertFalse(XEdDsa.verify(pair.publicKey(), null, signature));
        byte[] minusOne = new byte[32];
        minusOne[0] = (byte) 0xEC;
        Arrays.fill(minusOne, 1, 31, (byte) 0xFF);
        minusOne[31] = 0x7F;
        assertFalse(XEdDsa.verify(minusOne, new byte[] {1}, signature), "u = p - 1 has no Edwards image");
        assertFalse(XEdDsa.verify(pair.publicKey(), new byte[] {1}, new byte[64]));
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> XEdDsa.sign(new byte[31], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> XEdDsa.sign(new byte[32], new byte[1], new byte[32]));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
