package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageConversionTest {
    @TempDir
    Path dir;

    @Test
    void transparentPngBecomesJpegWithRedKeptAndTransparencyWhite() throws IOException {
        Path png = TestMedia.transparentPng(dir, "t.png", 80, 40);
        Path jpeg = dir.resolve("t.jpg");
        ImageConversion.toJpeg(png, MediaFormat.PNG, jpeg);

        assertEquals(MediaFormat.JPEG, MediaSniffer.sniff(jpeg));
        BufferedImage read = ImageIO.read(jpeg.toFile());
        assertEquals(80, read.getWidth());
        assertEquals(40, read.getHeight());
        assertClose(0xFF0000, read.getRGB(15, 20)); // opaque red stays red
        assertClose(0xFFFFFF, read.getRGB(65, 20)); // transparent becomes white
    }

    @Test
    void webpBecomesJpeg() throws IOException {
        Path webp = TestMedia.webp(dir, "w.webp", 96, 64, false);
        Path jpeg = dir.resolve("w.jpg");
        BufferedImage written = ImageConversion.toJpeg(webp, MediaFormat.WEBP, jpeg);
        assertEquals(BufferedImage.TYPE_INT_RGB, written.getType());
        BufferedImage read = ImageIO.read(jpeg.toFile());
        assertEquals(96, read.getWidth());
        assertEquals(64, read.getHeight());
    }

    @Test
    void jpegIsNotReencoded() {
        Path jpeg = TestMedia.jpeg(dir, "a.jpg", 10, 10);
        assertThrows(IllegalArgumentException.class,
                () -> ImageConversion.toJpeg(jpeg, MediaFormat.JPEG, dir.resolve("b.jpg")));
    }

    static void assertClose(int expectedRgb, int actualArgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int expected = (expectedRgb >> shift) & 0xFF;
            int actual = (actualArgb >> shift) & 0xFF;
            assertTrue(Math.abs(expected - actual) <= 24, String.format(
                    "expected about %06x, got %06x", expectedRgb, actualArgb & 0xFFFFFF));
        }
    }
}
