package app.statustracker.service.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the status poster needs for one upload: the file to encrypt and send (the JPEG for images, the MP4 for
 * videos), its type and size, the inline thumbnail and, for videos, whole seconds. Closing it deletes the
 * converted JPEG it made for a PNG or WebP upload; the upload itself is never deleted here.
 */
public final class PreparedMedia implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PreparedMedia.class.getName());

    private final Path file;
    private final MediaFormat sentFormat;
    private final int width;
    private final int height;
    private final byte[] thumbnail;
    private final int durationSeconds;
    private final Path ownedTemporaryFile;

    PreparedMedia(Path file, MediaFormat sentFormat, int width, int height, Optional<byte[]> thumbnail,
            int durationSeconds, Path ownedTemporaryFile) {
        this.file = file;
        this.sentFormat = sentFormat;
        this.width = width;
        this.height = height;
        this.thumbnail = thumbnail.orElse(null);
        this.durationSeconds = durationSeconds;
        this.ownedTemporaryFile = ownedTemporaryFile;
    }

    /** The bytes to send: a JPEG for every image, the MP4 for a video. */
    public Path file() {
        return file;
    }

    public MediaFormat sentFormat() {
        return sentFormat;
    }

    public String mimeType() {
        return sentFormat.mimeType();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Optional<byte[]> thumbnail() {
        return Optional.ofNullable(thumbnail).map(byte[]::clone);
    }

    /** WhatsApp's {@code seconds} of a video: whole seconds, rounded, at least 1; 0 for images. */
    public int seconds() {
        return durationSeconds;
    }

    /** True when {@link #file()} is a temporary conversion that {@link #close()} deletes. */
    public boolean ownsFile() {
        return ownedTemporaryFile != null;
    }

    /**
     * Deletes the converted copy, if any. Never throws: the post has gone or failed by then, and a copy left
     * behind is only disk space (the work folder is cleared at start), not a reason to report a failure.
     */
    @Override
    public void close() {
        if (ownedTemporaryFile != null) {
            try {
                Files.deleteIfExists(ownedTemporaryFile);
            } catch (IOException e) {
                LOG.warning("converted copy " + ownedTemporaryFile.getFileName() + " not deleted: " + e);
            }
        }
    }
}
