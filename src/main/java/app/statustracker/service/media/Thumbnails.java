package app.statustracker.service.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The small JPEG preview a status carries inline (shown blurred before the full media downloads), so it must be
 * a few kilobytes: small side, low quality.
 */
public final class Thumbnails {
    /** Longest side of a thumbnail, in pixels. */
    public static final int DEFAULT_MAX_SIDE = 96;
    /** Low quality is fine: the preview is shown small and blurred. */
    public static final float JPEG_QUALITY = 0.6f;

    private Thumbnails() {
    }

    /** A JPEG of {@code image} scaled so its longest side is at most {@code maxSide}, aspect ratio kept. */
    public static byte[] jpeg(BufferedImage image, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));

        BufferedImage current = ImageConversion.flattenOnWhite(image);
        // halve with bilinear steps first: one big bilinear step samples too few source pixels and aliases
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
            current = scaled(current, targetWidth, targetHeight);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            JpegEncoding.write(current, JPEG_QUALITY, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
