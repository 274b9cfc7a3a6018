package app.statustracker.wa.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.wa.crypto.DecryptionFailedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Recomputes the Noise handshake of docs/protocol.md, Connection step by step with bare JDK primitives (an
 * independent HKDF over HmacSHA256) so that the padded name, ck as HKDF salt, h as AAD and the counter IV layout are
 * each pinned down.
 */
class SymmetricStateTest {
    private static final byte[] NAME = Arrays.copyOf("Noise_XX_25519_AESGCM_SHA256".getBytes(StandardCharsets.US_ASCII), 32);

    @Test
    void followsTheNotesExactly() throws Exception {
        SymmetricState state = new SymmetricState();
        assertArrayEquals(NAME, state.handshakeHash(), "h starts as the padded name, unhashed");

        byte[] prologue = {'W', 'A', 6, 3};
        state.mixHash(prologue);
        byte[] h = sha256(NAME, prologue);
        assertArrayEquals(h, state.handshakeHash());

        byte[] ikm = "shared secret".getBytes(StandardCharsets.US_ASCII);
        state.mixKey(ikm);
        byte[] out = hkdf(NAME, ikm, 64);
        byte[] ck = Arrays.copyOfRange(out, 0, 32);
        byte[] k = Arrays.copyOfRange(out, 32, 64);

        byte[] first = state.encryptAndHash(new byte[] {1, 2, 3});
        assertArrayEquals(gcm(k, 0, h, new byte[] {1, 2, 3}), first);
        h = sha256(h, first);
        byte[] second = state.encryptAndHash(new byte[] {4});
        assertArrayEquals(gcm(k, 1, h, new byte[] {4}), second, "n = 1 sits in the last four IV bytes");
        h = sha256(h, second);
        assertArrayEquals(h, state.handshakeHash());

        TransportKeys keys = state.split();
        byte[] split = hkdf(ck, new byte[0], 64);
        assertArrayEquals(Arrays.copyOfRange(split, 0, 32), keys.clientToServer());
        assertArrayEquals(Arrays.copyOfRange(split, 32, 64), keys.serverToClient());
    }

    @Test
    void decryptAndHashMirrorsEncryptAndHash() throws Exception {
        SymmetricState sender = new SymmetricState();
        SymmetricState receiver = new SymmetricState();
        for (SymmetricState s : new SymmetricState[] {sender, receiver}) {
            s.mixHash(new byte[] {9});
            s.mixKey(new byte[] {7, 7});
        }
        byte[] c0 = sender.encryptAndHash("a".getBytes(StandardCharsets.US_ASCII));
        byte[] c1 = sender.encryptAndHash("b".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("a".getBytes(StandardCharsets.US_ASCII), receiver.decryptAndHash(c0));
        byte[] tampered = c1.clone();
        tampered[0] ^= 1;
        assertThrows(DecryptionFailedException.class, () -> receiver.decryptAndHash(tampered));
        assertArrayEquals("b".getBytes(StandardCharsets.US_ASCII), receiver.decryptAndHash(c1));
        assertArrayEquals(sender.handshakeHash(), receiver.handshakeHash());
    }

    static byte[] gcm(byte[] key, int counter, byte[] aad, byte[] plaintext) throws Exception {
        byte[] iv = new byte[12];
        iv[8] = (byte) (counter >>> 24);
        iv[9] = (byte) (counter >>> 16);
        iv[10] = (byte) (counter >>> 8);
        iv[11] = (byte) counter;
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext);
    }

    private static byte[] sha256(byte[] a, byte[] b) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(a);
        digest.update(b);
        return digest.digest();
    }

    /** RFC 5869 with empty info, written out with HmacSHA256 so it shares no code with the class under test. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, int length) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int filled = 0, i = 1; filled < length; i++) {
            mac.update(block);
            mac.update((byte) i);
            block = mac.doFinal();
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }
}
