package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.TestMedia;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeTest {
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
    void sizeDurationAndCodecOfAnH264Mp4() {
        VideoInfo info = VideoProbe.probe(h264);
        assertEquals(320, info.width());
        assertEquals(240, info.height());
        assertEquals(2.0, info.durationSeconds(), 0.1);
        assertEquals(2, info.wholeSeconds());
        assertEquals("avc1", info.codec());
    }

    @Test
    void moovAtTheStartIsFoundToo() {
        Path fastStart = TestMedia.h264Mp4(dir, "fs.mp4", 160, 90, 1, "-movflags", "+faststart");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(fastStart);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(Mp4Boxes.find(bytes, "moov")[0] < Mp4Boxes.find(bytes, "mdat")[0], "moov not first");
        VideoInfo info = VideoProbe.probe(fastStart);
        assertEquals(160, info.width());
        assertEquals(90, info.height());
        assertEquals(1.0, info.durationSeconds(), 0.1);
    }

    @Test
    void aQuarterTurnMatrixSwapsWidthAndHeight() throws IOException {
        byte[] bytes = Files.readAllBytes(h264);
        int tkhd = indexOf(bytes, "tkhd".getBytes(StandardCharsets.US_ASCII)) - 4; // box start
        int version = bytes[tkhd + 8];
        // matrix after: header 8, version+flags 4, times/id/reserved/duration 20 (v0) or 32 (v1), reserved 8,
        // layer, group, volume, reserved 8
        int matrixAt = tkhd + 8 + 4 + (version == 1 ? 32 : 20) + 8 + 8;
        ByteBuffer matrix = ByteBuffer.wrap(bytes, matrixAt, 36);
        org.mp4parser.support.Matrix.ROTATE_90.getContent(matrix);
        Path rotated = Files.write(dir.resolve("r.mp4"), bytes);
        VideoInfo info = VideoProbe.probe(rotated);
        assertEquals(240, info.width());
        assertEquals(320, info.height());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void h265IsRefusedAsNotH264() {
        Assumptions.assumeTrue(TestMedia.hasEncoder("libx265"), "this ffmpeg has no libx265");
        Path hevc = TestMedia.h265Mp4(dir, "h.mp4");
        assertEquals(MediaFormat.MP4, MediaSniffer.sniff(hevc));
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, () -> VideoProbe.probe(hevc));
        assertTrue(e.getMessage().contains("not H.264"), e.getMessage());
    }

    @Test
    void noMoovOrTruncatedIsInvalid() throws IOException {
        byte[] bytes = Files.readAllBytes(h264);
        long[] moov = Mp4Boxes.find(bytes, "moov");
        assertNotNull(moov);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, (int) moov[0] + 20));
        assertThrows(InvalidMediaException.class, () -> VideoProbe.probe(cut));
        Path noMoov = Files.write(dir.resolve("nomoov.mp4"), Arrays.copyOf(bytes, (int) moov[0]));
        assertThrows(InvalidMediaException.class, () -> VideoProbe.probe(noMoov));
        byte[] garbled = bytes.clone();
        for (int i = (int) moov[0] + 8; i < moov[0] + moov[1]; i++) {
            garbled[i] = (byte) 0xEE;
        }
        Path bad = Files.write(dir.resolve("bad.mp4"), garbled);
        RuntimeException e = assertThrows(RuntimeException.class, () -> VideoProbe.probe(bad));
        // a clear answer for the API user, not a parser's internal exception
        assertTrue(e instanceof InvalidMediaException || e instanceof UnsupportedMediaException, e.toString());
    }

    /**
     * A 64 MiB file (ftyp, a 64 MiB mdat, the fixture's moov): probing must not hold the mdat in the heap nor copy
     * it to a temporary file (what isoparser does when given the whole file).
     */
    @Test
    void aLargeMdatIsNeitherLoadedNorCopied() throws IOException {
        byte[] bytes = Files.readAllBytes(h264);
        long[] ftyp = Mp4Boxes.find(bytes, "ftyp");
        long[] moov = Mp4Boxes.find(bytes, "moov");
        Path large = dir.resolve("large.mp4");
        int mdatPayload = 64 * 1024 * 1024;
        try (OutputStream out = Files.newOutputStream(large)) {
            out.write(bytes, (int) ftyp[0], (int) ftyp[1]);
            out.write(ByteBuffer.allocate(8).putInt(8 + mdatPayload).put("mdat".getBytes(StandardCharsets.US_ASCII))
                    .array());
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < mdatPayload / chunk.length; i++) {
                out.write(chunk);
            }
            out.write(bytes, (int) moov[0], (int) moov[1]);
        }
        Set<Path> tempBefore = listing(Path.of(System.getProperty("java.io.tmpdir")));

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        VideoInfo info = VideoProbe.probe(large);
        long after = runtime.totalMemory() - runtime.freeMemory();

        assertEquals(320, info.width());
        assertTrue(after - before < 16L * 1024 * 1024, "heap grew by " + (after - before) + " bytes");
        Set<Path> tempAfter = listing(Path.of(System.getProperty("java.io.tmpdir")));
        tempAfter.removeAll(tempBefore);
        assertTrue(tempAfter.stream().noneMatch(p -> p.getFileName().toString().startsWith("MediaDataBox")),
                "mdat copied to " + tempAfter);

        // the thumbnail path (jcodec) reads samples through the channel too; these zero samples do not decode
        System.gc();
        long beforeThumbnail = runtime.totalMemory() - runtime.freeMemory();
        java.util.Optional<byte[]> thumbnail = VideoThumbnail.jpeg(large, Thumbnails.DEFAULT_MAX_SIDE);
        long afterThumbnail = runtime.totalMemory() - runtime.freeMemory();
        assertTrue(afterThumbnail - beforeThumbnail < 16L * 1024 * 1024,
                "heap grew by " + (afterThumbnail - beforeThumbnail) + " bytes making a thumbnail");
        assertNotNull(thumbnail);
    }

    /**
     * A sparse file with a 5 GiB {@code mdat} (64-bit box size): the probe skips it by seeking. Copying it, as
     * isoparser does with a whole file, would take far longer than the timeout.
     */
    @Test
    void aHugeSparseMdatWithA64BitSizeIsSkipped() throws IOException {
        byte[] bytes = Files.readAllBytes(h264);
        long[] ftyp = Mp4Boxes.find(bytes, "ftyp");
        long[] moov = Mp4Boxes.find(bytes, "moov");
        long payload = 5L * 1024 * 1024 * 1024;
        Path sparse = dir.resolve("sparse.mp4");
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(sparse,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.SPARSE)) {
            out.write(ByteBuffer.wrap(bytes, (int) ftyp[0], (int) ftyp[1]));
            out.write(ByteBuffer.allocate(16).putInt(1).put("mdat".getBytes(StandardCharsets.US_ASCII))
                    .putLong(16 + payload).flip());
            out.position(ftyp[1] + 16 + payload);
            out.write(ByteBuffer.wrap(bytes, (int) moov[0], (int) moov[1]));
        }
        VideoInfo info = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> VideoProbe.probe(sparse));
        assertEquals(320, info.width());
        assertEquals(2.0, info.durationSeconds(), 0.1);
    }

    private static Set<Path> listing(Path dir) throws IOException {
        Set<Path> entries = new HashSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        return entries;
    }
}
