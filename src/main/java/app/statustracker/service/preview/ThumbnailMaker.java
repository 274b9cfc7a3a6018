package app.statustracker.service.preview;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a fetched image (JPEG, PNG, GIF, BMP: what ImageIO reads) into the small JPEG a link preview carries
 * (ExtendedTextMessage.jpegThumbnail, docs/protocol.md, Text and link statuses), at most {@value #MAX_SIDE} px on its
 * longer side like the previews Baileys makes. Large images are decoded subsampled, and absurd dimensions refused, so
 * a hostile image cannot exhaust the heap.
 */
final class ThumbnailMaker {
    static final int MAX_SIDE = 192;
    static final long MAX_SOURCE_PIXELS = 100_000_000L;
    private static final float QUALITY = 0.75f;

    private ThumbnailMaker() {
    }

    static byte[] jpeg(byte[] image) throws PreviewFetchException {
        BufferedImage source = decode(image);
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage thumb = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // JPEG has no alpha: transparent parts become white, not black
            g.fillRect(0, 0, tw, th);
            g.drawImage(source, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return encode(thumb);
    }

    private static BufferedImage decode(byte[] image) throws PreviewFetchException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PreviewFetchException("not an image format we can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_SOURCE_PIXELS) {
                    throw new PreviewFetchException("image of " + w + "x" + h + " px refused");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(w, h) / (MAX_SIDE * 2L));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                if (decoded == null) {
                    throw new PreviewFetchException("image could not be decoded");
                }
                return decoded;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new PreviewFetchException("image could not be decoded: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] encode(BufferedImage image) throws PreviewFetchException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new PreviewFetchException("thumbnail could not be encoded", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
