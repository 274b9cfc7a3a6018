package app.statustracker.service.media;

import java.util.Locale;

/**
 * The media types an upload may be. The type is always decided from the bytes by {@link MediaSniffer}; the
 * extension only names stored files, so {@link #fromExtension} is for reading back names this package issued.
 */
public enum MediaFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    MP4("video/mp4", "mp4");

    private final String mimeType;
    private final String extension;

    MediaFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The extension of stored files of this type, without the dot. */
    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != MP4;
    }

    public boolean isVideo() {
        return this == MP4;
    }

    /** The format whose stored files end in {@code extension} (without the dot, any case). */
    public static MediaFormat fromExtension(String extension) {
        if (extension != null) {
            String wanted = extension.toLowerCase(Locale.ROOT);
            for (MediaFormat format : values()) {
                if (format.extension.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("no media format has the extension " + extension);
    }
}
