package app.statustracker.wa.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaCipherTest {
    private final Random random = new Random(20261202);

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 17, 65_535, 65_536, 200_001})
    void encryptsAsOneShotAesCbcPlusTruncatedHmacAndDecryptsBack(int length) throws Exception {
        byte[] plain = randomBytes(length);
        byte[] mediaKey = randomBytes(32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EncryptedMedia info = MediaCipher.encrypt(new ByteArrayInputStream(plain), out, mediaKey, MediaType.IMAGE);
        byte[] file = out.toByteArray();

        // the same computation in one shot, straight from the description of the format
        MediaKeys keys = MediaKeys.expand(mediaKey, MediaType.IMAGE);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.cipherKey(), "AES"), new IvParameterSpec(keys.iv()));
        byte[] enc = aes.doFinal(plain);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.macKey(), "HmacSHA256"));
        mac.update(keys.iv());
        byte[] tag = Arrays.copyOf(mac.doFinal(enc), 10);
        byte[] expected = new byte[enc.length + 10];
        System.arraycopy(enc, 0, expected, 0, enc.length);
        System.arraycopy(tag, 0, expected, enc.length, 10);

        assertArrayEquals(expected, file);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(plain), info.fileSha256());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(file), info.fileEncSha256());
        assertEquals(length, info.fileLength());
        assertEquals(file.length, info.encryptedLength());

        ByteArrayOutputStream back = new ByteArrayOutputStream();
        EncryptedMedia opened = MediaCipher.decrypt(new TrickleStream(file, random), back, mediaKey, MediaType.IMAGE);
        assertArrayEquals(plain, back.toByteArray());
        assertArrayEquals(info.fileSha256(), opened.fileSha256());
        assertArrayEquals(info.fileEncSha256(), opened.fileEncSha256());
    }

    @Test
    void aFlippedBitAnywhereIsRefused() throws Exception {
        byte[] mediaKey = randomBytes(32);
        byte[] file = encrypt(randomBytes(1000), mediaKey, MediaType.VIDEO);
        for (int position : new int[] {0, 500, file.length - 11, file.length - 10, file.length - 1}) {
            byte[] forged = file.clone();
            forged[position] ^= 1;
            assertThrows(MediaIntegrityException.class, () -> MediaCipher.decrypt(new ByteArrayInputStream(forged),
                    new ByteArrayOutputStream(), mediaKey, MediaType.VIDEO), "bit flipped at " + position);
        }
    }

    @Test
    void theWrongTypeOrKeyIsRefused() throws Exception {
        byte[] mediaKey = randomBytes(32);
        byte[] file = encrypt(randomBytes(100), mediaKey, MediaType.IMAGE);
        assertThrows(MediaIntegrityException.class, () -> MediaCipher.decrypt(new ByteArrayInputStream(file),
                new ByteArrayOutputStream(), mediaKey, MediaType.VIDEO));
        assertThrows(MediaIntegrityException.class, () -> MediaCipher.decrypt(new ByteArrayInputStream(file),
                new ByteArrayOutputStream(), randomBytes(32), MediaType.IMAGE));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 9, 10, 25, 27})
    void truncatedOrMisalignedFilesAreRefused(int length) throws Exception {
        byte[] mediaKey = randomBytes(32);
        byte[] file = Arrays.copyOf(encrypt(randomBytes(64), mediaKey, MediaType.IMAGE), length);
        assertThrows(MediaIntegrityException.class, () -> MediaCipher.decrypt(new ByteArrayInputStream(file),
                new ByteArrayOutputStream(), mediaKey, MediaType.IMAGE));
    }

    @Test
    void imageAndVideoKeysDiffer() {
        byte[] mediaKey = randomBytes(32);
        MediaKeys image = MediaKeys.expand(mediaKey, MediaType.IMAGE);
        MediaKeys video = MediaKeys.expand(mediaKey, MediaType.VIDEO);
        assertEquals(16, image.iv().length);
        assertEquals(32, image.cipherKey().length);
        assertEquals(32, image.macKey().length);
        assertEquals(32, image.refKey().length);
        assertThrows(AssertionError.class, () -> assertArrayEquals(image.cipherKey(), video.cipherKey()));
        assertThrows(IllegalArgumentException.class, () -> MediaKeys.expand(new byte[31], MediaType.IMAGE));
    }

    private static byte[] encrypt(byte[] plain, byte[] mediaKey, MediaType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaCipher.encrypt(new ByteArrayInputStream(plain), out, mediaKey, type);
        return out.toByteArray();
    }

    /** Hands out a file in chunks of random size, some smaller than the MAC, as a network stream does. */
    private static final class TrickleStream extends InputStream {
        private final byte[] data;
        private final Random random;
        private int at;

        TrickleStream(byte[] data, Random random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - at), 1 + random.nextInt(40));
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }
}
