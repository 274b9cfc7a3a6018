package app.statustracker.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A JPEG of about the size a phone photo has (2 MB), made with the JDK: a colour gradient under per-pixel noise,
 * because a smooth picture of that resolution would compress to a few hundred KB. Fixed seed: every run posts the
 * same bytes.
 */
final class NoisyJpeg {
    private NoisyJpeg() {
    }

    /** Writes a JPEG of at least {@code minBytes} (growing the picture until it is), returns its size. */
    static long write(Path target, long minBytes) throws Exception {
        int width = 1200;
        while (true) {
            int height = width * 3 / 4;
            Files.createDirectories(target.toAbsolutePath().getParent());
            writeOne(target, width, height);
            long size = Files.size(target);
            if (size >= minBytes) {
                return size;
            }
            width = (int) Math.ceil(width * Math.sqrt((double) minBytes / size) * 1.02);
        }
    }

    private static void writeOne(Path target, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(x * 255 / width + random.nextInt(81) - 40);
                int g = clamp(y * 255 / height + random.nextInt(81) - 40);
                int b = clamp(128 + random.nextInt(81) - 40);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        Files.deleteIfExists(target);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
