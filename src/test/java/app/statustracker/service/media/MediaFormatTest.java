package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaFormatTest {
    @Test
    void extensionsRoundTripAndKindsSplit() {
        for (MediaFormat format : MediaFormat.values()) {
            assertEquals(format, MediaFormat.fromExtension(format.extension()));
            assertEquals(format, MediaFormat.fromExtension(format.extension().toUpperCase()));
            assertTrue(format.isImage() != format.isVideo());
            assertTrue(format.mimeType().startsWith(format.isImage() ? "image/" : "video/"));
        }
        assertFalse(MediaFormat.MP4.isImage());
        assertThrows(IllegalArgumentException.class, () -> MediaFormat.fromExtension("jpeg"));
        assertThrows(IllegalArgumentException.class, () -> MediaFormat.fromExtension(null));
    }
}
