package app.statustracker.wa.status;

import java.util.Objects;

/**
 * A text or link status as it goes into an ExtendedTextMessage (docs/protocol.md, Text and link statuses). Colours
 * are {@code 0xAARRGGBB}; {@code font} is WhatsApp's FontType number. Null means "not set" for every optional field.
 */
public record TextStatus(String text, Integer backgroundArgb, Integer textArgb, Integer font, LinkPreview preview) {
    public TextStatus {
        Objects.requireNonNull(text, "text");
    }

    public static TextStatus plain(String text) {
        return new TextStatus(text, null, null, null, null);
    }
}
