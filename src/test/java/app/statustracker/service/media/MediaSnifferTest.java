package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSnifferTest {
    @TempDir
    Path dir;

    @Test
    void jpegAndPngAreKnownByTheirBytesNotTheirNames() throws IOException {
        assertEquals(MediaFormat.JPEG, MediaSniffer.sniff(TestMedia.jpeg(dir, "photo.png", 40, 30)));
        assertEquals(MediaFormat.PNG, MediaSniffer.sniff(TestMedia.png(dir, "photo.jpg", 40, 30)));
        Path noName = Files.move(TestMedia.png(dir, "x.png", 10, 10), dir.resolve("upload"));
        assertEquals(MediaFormat.PNG, MediaSniffer.sniff(noName));
    }

    @Test
    void webpAndMp4FromFfmpeg() {
        assertEquals(MediaFormat.WEBP, MediaSniffer.sniff(TestMedia.webp(dir, "a.jpg", 32, 24, false)));
        assertEquals(MediaFormat.MP4, MediaSniffer.sniff(TestMedia.h264Mp4(dir, "a.webp", 64, 48, 0.2)));
    }

    @Test
    void quickTimeIsNotMp4() {
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(TestMedia.quickTime(dir, "a.mp4")));
    }

    @Test
    void ftypBrandsDecide() {
        assertEquals(MediaFormat.MP4, MediaSniffer.sniff(ftyp("isom", "isom", "iso2", "avc1", "mp41")));
        assertEquals(MediaFormat.MP4, MediaSniffer.sniff(ftyp("mp42", "mp42")));
        // major brand unknown but an MP4 compatible brand listed
        assertEquals(MediaFormat.MP4, MediaSniffer.sniff(ftyp("XAVC", "XAVC", "mp42")));
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(ftyp("heic", "mif1", "heic")));
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(ftyp("qt  ", "qt  ")));
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(ftyp("3gp4", "3gp4", "3gp5")));
    }

    @Test
    void truncatedHeadersAreRefused() throws IOException {
        byte[] png = Files.readAllBytes(TestMedia.png(dir, "p.png", 8, 8));
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(Arrays.copyOf(png, 7)));
        assertThrows(UnsupportedMediaException.class,
                () -> MediaSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
        byte[] riff = "RIFF\0\0\0\0WEB".getBytes(StandardCharsets.US_ASCII);
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(riff));
        byte[] mp4 = ftyp("isom", "isom");
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(Arrays.copyOf(mp4, 11)));
    }

    @Test
    void emptyRandomAndTextAreRefused() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(empty));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[64];
            random.nextBytes(bytes);
            bytes[0] = 0x00; // random bytes that happen to start FF D8 FF would be a fair JPEG guess
            bytes[4] = 0x00;
            assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(bytes));
        }
        Path text = Files.writeString(dir.resolve("notes.png"), "just some text, not an image\n");
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, () -> MediaSniffer.sniff(text));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("JPEG, PNG or WebP"));
    }

    /** An ftyp box with the given major brand and compatible brands. */
    static byte[] ftyp(String major, String... compatible) {
        int size = 16 + 4 * compatible.length;
        byte[] box = new byte[size];
        box[3] = (byte) size;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 4);
        System.arraycopy(major.getBytes(StandardCharsets.US_ASCII), 0, box, 8, 4);
        for (int i = 0; i < compatible.length; i++) {
            System.arraycopy(compatible[i].getBytes(StandardCharsets.US_ASCII), 0, box, 16 + 4 * i, 4);
        }
        return box;
    }
}
