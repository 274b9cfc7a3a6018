package app.statustracker.service.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads images of the accepted types with readers chosen here, not through ImageIO's global registry: in an app
 * server that registry is filled from the context class loader once, so a WebP plugin packaged in the WAR may be
 * missing there. WebP uses the TwelveMonkeys reader created directly; JPEG and PNG the JDK's built-in readers.
 */
public final class ImageProbe {
    /**
     * Largest image we decode (100 megapixels, about 400 MB as ARGB). A small, highly compressed file can state a
     * huge size; refusing it by its header keeps a decompression bomb from filling the heap.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    private ImageProbe() {
    }

    /** The size stated by the header, without decoding pixels; refuses images over {@link #MAX_PIXELS}. */
    public static ImageSize size(Path file, MediaFormat format) {
        return withReader(file, format, reader -> {
            ImageSize size = headerSize(reader, format);
            checkPixels(size);
            return size;
        });
    }

    /** Decodes the first image, after checking its stated size against {@link #MAX_PIXELS}. */
    public static BufferedImage decode(Path file, MediaFormat format) {
        return withReader(file, format, reader -> {
            checkPixels(headerSize(reader, format));
            try {
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw invalid(format, e);
            }
        });
    }

    /**
     * Decodes a reduced copy, at least {@code minSide} pixels on its long side, for a thumbnail: the reader skips the
     * pixels it does not need (source subsampling), which for a 12-megapixel photo is most of the work and nearly
     * all of the memory. The whole file is still read, so a corrupt one is refused as by {@link #decode}.
     */
    public static BufferedImage decodeReduced(Path file, MediaFormat format, int minSide) {
        return withReader(file, format, reader -> {
            ImageSize size = headerSize(reader, format);
            checkPixels(size);
            int step = Math.max(1, Math.max(size.width(), size.height()) / Math.max(1, minSide));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            try {
                return reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw invalid(format, e);
            }
        });
    }

    static ImageReader newReader(MediaFormat format) {
        return switch (format) {
            case WEBP -> webpReader();
            case JPEG -> jdkReader("jpeg");
            case PNG -> jdkReader("png");
            case MP4 -> throw new IllegalArgumentException("MP4 is not an image");
        };
    }

    private static ImageReader webpReader() {
        try {
            return new WebPImageReaderSpi().createReaderInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImageReader jdkReader(String formatName) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK has no ImageIO reader for " + formatName);
        }
        return readers.next();
    }

    private static <T> T withReader(Path file, MediaFormat format, Function<ImageReader, T> work) {
        ImageReader reader = newReader(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("no image input stream for " + file.getFileName());
            }
            reader.setInput(in, true, true);
            return work.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageSize headerSize(ImageReader reader, MediaFormat format) {
        try {
            ImageSize size = new ImageSize(reader.getWidth(0), reader.getHeight(0));
            if (size.width() <= 0 || size.height() <= 0) {
                throw new InvalidMediaException("the " + name(format) + " image states no size");
            }
            return size;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidMediaException invalid) {
                throw invalid;
            }
            throw invalid(format, e);
        }
    }

    private static void checkPixels(ImageSize size) {
        if (size.pixels() > MAX_PIXELS) {
            throw new MediaTooLargeException("the image is " + size.width() + "x" + size.height()
                    + " pixels; at most " + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
        }
    }

    private static InvalidMediaException invalid(MediaFormat format, Exception cause) {
        return new InvalidMediaException("the file starts like a " + name(format)
                + " image but cannot be read (truncated or corrupt?)", cause);
    }

    private static String name(MediaFormat format) {
        return format == MediaFormat.WEBP ? "WebP" : format.name();
    }
}
