package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {
    @Test
    void landscapeIsScaledToTheMaxSideKeepingAspect() throws IOException {
        BufferedImage thumb = read(Thumbnails.jpeg(TestMedia.redBlue(1920, 1080), Thumbnails.DEFAULT_MAX_SIDE));
        assertEquals(96, thumb.getWidth());
        assertEquals(54, thumb.getHeight());
        ImageConversionTest.assertClose(0xFF0000, thumb.getRGB(10, 27));
        ImageConversionTest.assertClose(0x0000FF, thumb.getRGB(85, 27));
    }

    @Test
    void portraitAndTinyImages() throws IOException {
        BufferedImage portrait = read(Thumbnails.jpeg(TestMedia.redBlue(300, 1000), 96));
        assertEquals(29, portrait.getWidth());
        assertEquals(96, portrait.getHeight());
        BufferedImage tiny = read(Thumbnails.jpeg(TestMedia.redBlue(20, 10), 96));
        assertEquals(20, tiny.getWidth()); // never scaled up
        assertEquals(10, tiny.getHeight());
    }

    @Test
    void alphaImagesGiveAJpegToo() throws IOException {
        BufferedImage argb = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        byte[] jpeg = Thumbnails.jpeg(argb, 96);
        assertEquals(MediaFormat.JPEG, MediaSniffer.sniff(jpeg));
        ImageConversionTest.assertClose(0xFFFFFF, read(jpeg).getRGB(48, 48));
        assertTrue(jpeg.length < 10_000, "a thumbnail of " + jpeg.length + " bytes");
        assertThrows(IllegalArgumentException.class, () -> Thumbnails.jpeg(argb, 0));
    }

    @Test
    void fixtureBytesDecode() throws IOException {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(TestMedia.png(30, 20, true)));
        assertEquals(0, png.getRGB(25, 10) >>> 24); // the transparent half
        ImageConversionTest.assertClose(0xFF0000, png.getRGB(5, 10));
        BufferedImage jpeg = read(TestMedia.jpeg(30, 20));
        assertEquals(30, jpeg.getWidth());
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        assertEquals(MediaFormat.JPEG, MediaSniffer.sniff(jpeg));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(image);
        return image;
    }
}
