package app.statustracker.service.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PNG and WebP uploads become JPEG, the only image type a WhatsApp image status carries. JPEG uploads are sent as
 * uploaded (no re-encoding, no quality loss), so they never come here.
 */
public final class ImageConversion {
    /** High enough that a converted screenshot keeps its text readable. */
    public static final float JPEG_QUALITY = 0.9f;

    private ImageConversion() {
    }

    /**
     * Writes {@code source} as a JPEG to {@code target} and returns the flattened image that was written (the
     * caller can make its thumbnail without decoding again).
     */
    public static BufferedImage toJpeg(Path source, MediaFormat format, Path target) {
        if (format != MediaFormat.PNG && format != MediaFormat.WEBP) {
            throw new IllegalArgumentException("only PNG and WebP are converted; JPEGs are sent as uploaded");
        }
        BufferedImage rgb = flattenOnWhite(ImageProbe.decode(source, format));
        try (OutputStream out = Files.newOutputStream(target)) {
            JpegEncoding.write(rgb, JPEG_QUALITY, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rgb;
    }

    /**
     * Draws the image on an opaque white RGB canvas. JPEG has no alpha, and the JDK writer given a 4-channel image
     * writes it as if it were CMYK-like, so viewers show wrong colours; transparent parts read as white here.
     */
    static BufferedImage flattenOnWhite(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
