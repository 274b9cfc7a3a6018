package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaPreparationTest {
    @TempDir
    Path dir;

    @Test
    void aJpegIsSentAsUploaded() throws IOException {
        Path jpeg = TestMedia.jpeg(dir, "1-abcd.jpg", 300, 200);
        byte[] before = Files.readAllBytes(jpeg);
        Path work = dir.resolve("work");
        try (PreparedMedia prepared = MediaPreparation.prepare(jpeg, MediaFormat.JPEG, work)) {
            assertEquals(jpeg, prepared.file());
            assertFalse(prepared.ownsFile());
            assertEquals("image/jpeg", prepared.mimeType());
            assertEquals(300, prepared.width());
            assertEquals(200, prepared.height());
            assertEquals(0, prepared.seconds());
            assertThumbnail(prepared, 96, 64);
        }
        assertTrue(Files.exists(jpeg), "closing deleted the upload");
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(jpeg)));
    }

    @Test
    void aPngIsConvertedToATemporaryJpegThatCloseDeletes() throws IOException {
        Path png = TestMedia.transparentPng(dir, "1-abcd.png", 120, 60);
        Path work = dir.resolve("work");
        Path converted;
        try (PreparedMedia prepared = MediaPreparation.prepare(png, MediaFormat.PNG, work)) {
            converted = prepared.file();
            assertNotEquals(png, converted);
            assertTrue(prepared.ownsFile());
            assertTrue(converted.startsWith(work));
            assertEquals(MediaFormat.JPEG, MediaSniffer.sniff(converted));
            assertEquals("image/jpeg", prepared.mimeType());
            assertEquals(120, prepared.width());
            assertEquals(60, prepared.height());
            assertThumbnail(prepared, 96, 48);
        }
        assertFalse(Files.exists(converted));
        assertTrue(Files.exists(png));
    }

    @Test
    void aWebpIsConvertedToo() throws IOException {
        Path webp = TestMedia.webp(dir, "1-abcd.webp", 50, 50, true);
        try (PreparedMedia prepared = MediaPreparation.prepare(webp, MediaFormat.WEBP, dir.resolve("work"))) {
            assertEquals(MediaFormat.JPEG, MediaSniffer.sniff(prepared.file()));
            assertEquals(50, prepared.width());
            assertThumbnail(prepared, 50, 50);
        }
        try (Stream<Path> left = Files.list(dir.resolve("work"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aVideoHasWholeSecondsAndAThumbnail() throws IOException {
        Path mp4 = TestMedia.h264Mp4(dir, "1-abcd.mp4", 320, 240, 1.6);
        try (PreparedMedia prepared = MediaPreparation.prepare(mp4, MediaFormat.MP4, dir.resolve("work"))) {
            assertEquals(mp4, prepared.file());
            assertEquals("video/mp4", prepared.mimeType());
            assertEquals(320, prepared.width());
            assertEquals(240, prepared.height());
            assertEquals(2, prepared.seconds());
            assertThumbnail(prepared, 96, 72);
        }
        Path short_ = TestMedia.h264Mp4(dir, "2-abcd.mp4", 64, 48, 0.2);
        try (PreparedMedia prepared = MediaPreparation.prepare(short_, MediaFormat.MP4, dir.resolve("work"))) {
            assertEquals(1, prepared.seconds());
        }
    }

    private static void assertThumbnail(PreparedMedia prepared, int width, int height) throws IOException {
        byte[] thumbnail = prepared.thumbnail().orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
