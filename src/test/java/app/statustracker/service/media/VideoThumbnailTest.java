package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoThumbnailTest {
    @TempDir
    static Path fixtures;
    static Path h264;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeFixture() {
        h264 = TestMedia.h264Mp4(fixtures, "v.mp4", 320, 240, 2);
    }

    @Test
    void firstFrameBecomesASmallJpeg() throws IOException {
        Optional<byte[]> thumbnail = VideoThumbnail.jpeg(h264, Thumbnails.DEFAULT_MAX_SIDE);
        assertTrue(thumbnail.isPresent(), "no thumbnail");
        assertEquals(MediaFormat.JPEG, MediaSniffer.sniff(thumbnail.get()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.get()));
        assertNotNull(image);
        assertEquals(96, image.getWidth());
        assertEquals(72, image.getHeight());
    }

    @Test
    void aCorruptMdatGivesNoThumbnailNotAnException() throws IOException {
        byte[] bytes = Files.readAllBytes(h264);
        long[] mdat = Mp4Boxes.find(bytes, "mdat");
        assertNotNull(mdat);
        Random random = new Random(7);
        for (int i = (int) mdat[0] + 8; i < mdat[0] + mdat[1]; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        Path corrupt = Files.write(dir.resolve("corrupt.mp4"), bytes);
        assertEquals(Optional.empty(), VideoThumbnail.jpeg(corrupt, 96));
    }

    @Test
    void aFrameOverTheCapIsNotDecoded() {
        VideoInfo huge = new VideoInfo(8000, 4000, 2000, "avc1");
        assertEquals(Optional.empty(), VideoThumbnail.jpeg(h264, huge, 96));
        assertTrue(VideoThumbnail.jpeg(h264, VideoProbe.probe(h264), 96).isPresent());
    }

    @Test
    void notAVideoGivesNoThumbnail() throws IOException {
        Path text = Files.writeString(dir.resolve("x.mp4"), "not a video");
        assertEquals(Optional.empty(), VideoThumbnail.jpeg(text, 96));
        assertEquals(Optional.empty(), VideoThumbnail.jpeg(dir.resolve("missing.mp4"), 96));
    }
}
