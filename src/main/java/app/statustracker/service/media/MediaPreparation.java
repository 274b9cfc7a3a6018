package app.statustracker.service.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Turns a stored upload into what a WhatsApp image or video status carries. JPEGs are sent as uploaded (the user
 * chose that quality); PNG and WebP are converted to a temporary JPEG in {@code workDir}, owned by the result.
 */
public final class MediaPreparation {
    private MediaPreparation() {
    }

    public static PreparedMedia prepare(Path upload, MediaFormat format, Path workDir) {
        return switch (format) {
            case JPEG -> {
                // the size from the header, the thumbnail from a reduced decode: the full-size pixels are never needed
                ImageSize size = ImageProbe.size(upload, format);
                BufferedImage reduced = ImageProbe.decodeReduced(upload, format, 2 * Thumbnails.DEFAULT_MAX_SIDE);
                yield new PreparedMedia(upload, MediaFormat.JPEG, size.width(), size.height(),
                        Optional.of(Thumbnails.jpeg(reduced, Thumbnails.DEFAULT_MAX_SIDE)), 0, null);
            }
            case PNG, WEBP -> converted(upload, format, workDir);
            case MP4 -> {
                VideoInfo info = VideoProbe.probe(upload);
                yield new PreparedMedia(upload, MediaFormat.MP4, info.width(), info.height(),
                        VideoThumbnail.jpeg(upload, info, Thumbnails.DEFAULT_MAX_SIDE), info.wholeSeconds(), null);
            }
        };
    }

    private static PreparedMedia converted(Path upload, MediaFormat format, Path workDir) {
        Path jpeg = null;
        try {
            Files.createDirectories(workDir);
            jpeg = Files.getFileStore(workDir).supportsFileAttributeView("posix")
                    ? Files.createTempFile(workDir, "prepared-", ".jpg",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(workDir, "prepared-", ".jpg");
            BufferedImage rgb = ImageConversion.toJpeg(upload, format, jpeg);
            PreparedMedia prepared = new PreparedMedia(jpeg, MediaFormat.JPEG, rgb.getWidth(), rgb.getHeight(),
                    Optional.of(Thumbnails.jpeg(rgb, Thumbnails.DEFAULT_MAX_SIDE)), 0, jpeg);
            jpeg = null;
            return prepared;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (jpeg != null) {
                try {
                    Files.deleteIfExists(jpeg);
                } catch (IOException ignored) {
                    // best effort; the conversion failure is what the caller needs to see
                }
            }
        }
    }
}
