package app.statustracker.wa.status;

import java.util.Objects;

/**
 * The preview shown under a link status (ExtendedTextMessage matchedText/title/description/jpegThumbnail,
 * docs/protocol.md, Text and link statuses). The thumbnail is a small JPEG, or null when the page had none.
 */
public record LinkPreview(String matchedText, String title, String description, byte[] jpegThumbnail) {
    public LinkPreview {
        Objects.requireNonNull(matchedText, "matchedText");
        jpegThumbnail = jpegThumbnail == null ? null : jpegThumbnail.clone();
    }

    @Override
    public byte[] jpegThumbnail() {
        return jpegThumbnail == null ? null : jpegThumbnail.clone();
    }
}
