package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProbeTest {
    @TempDir
    Path dir;

    @Test
    void sizesFromHeaders() {
        assertEquals(new ImageSize(123, 45), ImageProbe.size(TestMedia.jpeg(dir, "a.jpg", 123, 45), MediaFormat.JPEG));
        assertEquals(new ImageSize(7, 300), ImageProbe.size(TestMedia.png(dir, "a.png", 7, 300), MediaFormat.PNG));
    }

    @Test
    void webpIsReadWithTheExplicitReaderLossyAndLossless() {
        for (boolean lossless : new boolean[] {false, true}) {
            Path webp = TestMedia.webp(dir, "w" + lossless + ".webp", 64, 40, lossless);
            assertEquals(new ImageSize(64, 40), ImageProbe.size(webp, MediaFormat.WEBP));
            BufferedImage image = ImageProbe.decode(webp, MediaFormat.WEBP);
            assertEquals(64, image.getWidth());
            assertEquals(40, image.getHeight());
        }
    }

    @Test
    void decodeKeepsPixels() {
        BufferedImage image = ImageProbe.decode(TestMedia.png(dir, "rb.png", 20, 10), MediaFormat.PNG);
        assertEquals(0xFF0000, image.getRGB(2, 5) & 0xFFFFFF);
        assertEquals(0x0000FF, image.getRGB(17, 5) & 0xFFFFFF);
    }

    @Test
    void truncatedJpegIsInvalid() throws IOException {
        byte[] jpeg = Files.readAllBytes(TestMedia.jpeg(dir, "full.jpg", 200, 200));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, 30));
        assertThrows(InvalidMediaException.class, () -> ImageProbe.decode(cut, MediaFormat.JPEG));
        assertThrows(InvalidMediaException.class, () -> ImageProbe.size(cut, MediaFormat.JPEG));
    }

    @Test
    void aHugeStatedSizeIsRefusedBeforeDecoding() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(20_000, 20_000));
        MediaTooLargeException e = assertThrows(MediaTooLargeException.class,
                () -> ImageProbe.decode(bomb, MediaFormat.PNG));
        assertTrue(e.getMessage().contains("100 megapixels"), e.getMessage());
        assertThrows(MediaTooLargeException.class, () -> ImageProbe.size(bomb, MediaFormat.PNG));
        // just under the cap is measured, not refused
        Path fine = Files.write(dir.resolve("fine.png"), pngHeaderOnly(10_000, 10_000));
        assertEquals(new ImageSize(10_000, 10_000), ImageProbe.size(fine, MediaFormat.PNG));
    }

    /** Signature, an IHDR stating the size (8-bit RGBA), IEND: no pixel data at all. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
