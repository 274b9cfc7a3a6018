package app.statustracker.wa.status;

import app.statustracker.wa.media.MediaType;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image or video status as it goes into an ImageMessage or VideoMessage (docs/protocol.md, Media): the file
 * exactly as receivers will get it (a JPEG image, an H.264 MP4 video: the caller converts first), what receivers
 * show before they download it, and an optional caption. The client encrypts and uploads the file; it never reads
 * it whole into memory.
 *
 * @param file          the plain file; read once, while the status is posted
 * @param mimetype      {@code image/jpeg} or {@code video/mp4}
 * @param seconds       video length, whole seconds; null for an image
 * @param caption       shown under the status; null for none
 * @param jpegThumbnail a small JPEG receivers show until the file is downloaded; null for none
 * @param reuseKey      names a file that never changes (a stored upload): the client may post it again from the copy
 *                      it already put on the media host, as WhatsApp forwards media; null to upload every time
 */
public record MediaStatus(MediaType type, Path file, String mimetype, int width, int height, Integer seconds,
                          String caption, byte[] jpegThumbnail, String reuseKey) {
    public MediaStatus {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mimetype, "mimetype");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("media needs a positive width and height, got " + width + "x" + height);
        }
        if (type == MediaType.VIDEO && (seconds == null || seconds < 0)) {
            throw new IllegalArgumentException("a video status needs its length in seconds");
        }
        jpegThumbnail = jpegThumbnail == null ? null : jpegThumbnail.clone();
    }

    @Override
    public byte[] jpegThumbnail() {
        return jpegThumbnail == null ? null : jpegThumbnail.clone();
    }
}
