package app.statustracker.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.errors.NotFoundException;
import app.statustracker.testing.MutableClock;
import app.statustracker.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStoreTest {
    @TempDir
    Path root;
    Path uploads;
    MutableClock clock;
    byte[] jpeg;

    @BeforeEach
    void setUp() throws IOException {
        uploads = root.resolve("uploads");
        clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
        jpeg = Files.readAllBytes(TestMedia.jpeg(root, "src.jpg", 64, 48));
    }

    private UploadStore store(long maxBytes) {
        return new UploadStore(uploads, maxBytes, clock, new SecureRandom());
    }

    @Test
    void anImageIsStoredUnderAFreshNameWithItsSize() throws IOException {
        UploadStore store = store(1 << 20);
        StoredUpload upload = store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE);
        assertTrue(UploadStore.NAME.matcher(upload.filename()).matches(), upload.filename());
        assertTrue(upload.filename().matches("^" + clock.instant().getEpochSecond() + "-[0-9a-f]{8}\\.jpg$"),
                upload.filename());
        assertEquals(MediaFormat.JPEG, upload.format());
        assertEquals(jpeg.length, upload.size());
        assertEquals(64, upload.width());
        assertEquals(48, upload.height());
        assertNull(upload.durationSeconds());
        assertEquals(List.of(upload.filename()), names());
        assertSameBytes(store.resolve(upload.filename()));
        assertEquals(1, store.count());
        assertEquals(jpeg.length, store.totalBytes());
    }

    private void assertSameBytes(Path file) throws IOException {
        assertTrue(Arrays.equals(jpeg, Files.readAllBytes(file)));
    }

    @Test
    void exactlyTheLimitIsAcceptedOneMoreByteIsNot() throws IOException {
        UploadStore atLimit = store(jpeg.length);
        atLimit.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE);
        assertEquals(1, names().size());

        Files.delete(uploads.resolve(names().get(0)));
        UploadStore belowLimit = store(jpeg.length - 1);
        MediaTooLargeException e = assertThrows(MediaTooLargeException.class,
                () -> belowLimit.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE));
        assertTrue(e.getMessage().contains(String.valueOf(jpeg.length - 1)), e.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void aLongStreamIsCutAtTheLimitWithoutReadingItAll() throws IOException {
        UploadStore store = store(100_000);
        CountingEndlessStream endless = new CountingEndlessStream();
        assertThrows(MediaTooLargeException.class, () -> store.store(endless, UploadStore.Kind.VIDEO));
        assertTrue(endless.served < 200_000, "read " + endless.served + " bytes");
        assertEquals(List.of(), names());
    }

    @Test
    void wrongKindEmptyAndUnknownLeaveNothing() throws IOException {
        UploadStore store = store(10 << 20);
        byte[] mp4 = Files.readAllBytes(TestMedia.h264Mp4(root, "v.mp4", 64, 48, 0.5));
        assertThrows(UnsupportedMediaException.class,
                () -> store.store(new ByteArrayInputStream(mp4), UploadStore.Kind.IMAGE));
        assertThrows(UnsupportedMediaException.class,
                () -> store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.VIDEO));
        UnsupportedMediaException empty = assertThrows(UnsupportedMediaException.class,
                () -> store.store(new ByteArrayInputStream(new byte[0]), UploadStore.Kind.IMAGE));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertThrows(UnsupportedMediaException.class,
                () -> store.store(new ByteArrayInputStream("hello".getBytes()), UploadStore.Kind.IMAGE));
        byte[] cutJpeg = Arrays.copyOf(jpeg, 40);
        assertThrows(InvalidMediaException.class,
                () -> store.store(new ByteArrayInputStream(cutJpeg), UploadStore.Kind.IMAGE));
        assertEquals(List.of(), names());
    }

    @Test
    void aVideoIsStoredWithItsDuration() throws IOException {
        UploadStore store = store(10 << 20);
        byte[] mp4 = Files.readAllBytes(TestMedia.h264Mp4(root, "v2.mp4", 160, 120, 1));
        StoredUpload upload = store.store(new ByteArrayInputStream(mp4), UploadStore.Kind.VIDEO);
        assertTrue(upload.filename().endsWith(".mp4"));
        assertEquals(MediaFormat.MP4, upload.format());
        assertEquals(160, upload.width());
        assertEquals(120, upload.height());
        assertEquals(1.0, upload.durationSeconds(), 0.1);
    }

    @Test
    void namesAreUniqueEvenInOneSecondAndFromManyThreads() throws Exception {
        UploadStore store = store(1 << 20);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredUpload>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE)));
            }
            Set<String> issued = new HashSet<>();
            for (Future<StoredUpload> future : futures) {
                issued.add(future.get().filename());
            }
            assertEquals(40, issued.size());
            assertEquals(issued, new HashSet<>(names()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resolveRefusesAnythingButAnIssuedName() throws IOException {
        UploadStore store = store(1 << 20);
        for (String bad : new String[] {"../x", "/etc/passwd", "..%2Fx", "a/b", "x\\y", "", "1-abcd.jpg\0",
                "1-abcd.JPG", "1-ABCD.jpg", "1-abc.jpg", "1-abcd.gif", "1-abcd.jpg/..", "../1-abcd.jpg",
                "1234567890123-abcd.jpg", " 1-abcd.jpg", ".part-0123456789abcdef"}) {
            assertThrows(InvalidInputException.class, () -> store.resolve(bad), bad);
        }
        assertThrows(InvalidInputException.class, () -> store.resolve(null));
        assertThrows(NotFoundException.class, () -> store.resolve("1700000000-0badc0de.jpg"));

        Path secret = Files.writeString(root.resolve("secret.jpg"), "outside the folder");
        Files.createSymbolicLink(uploads.resolve("1700000000-deadbeef.jpg"), secret);
        assertThrows(NotFoundException.class, () -> store.resolve("1700000000-deadbeef.jpg"));
        assertEquals(0, store.count());
    }

    @Test
    void deleteRemovesAnUploadOrALinkButNeverWhatItPointsTo() throws IOException {
        UploadStore store = store(1 << 20);
        String name = store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE).filename();
        assertTrue(store.delete(name));
        assertFalse(store.delete(name));
        assertEquals(List.of(), names());
        for (String bad : new String[] {"../src.jpg", "/etc/passwd", "a/b", ""}) {
            assertThrows(InvalidInputException.class, () -> store.delete(bad), bad);
        }
        Path secret = Files.writeString(root.resolve("secret.png"), "outside the folder");
        Files.createSymbolicLink(uploads.resolve("1700000000-deadbeef.png"), secret);
        assertTrue(store.delete("1700000000-deadbeef.png"));
        assertTrue(Files.exists(secret));
        assertEquals(List.of(), names());
    }

    @Test
    void theLimitMessageNamesMegabytes() {
        UploadStore store = store(1 << 20);
        MediaTooLargeException e = assertThrows(MediaTooLargeException.class,
                () -> store.store(new CountingEndlessStream(), UploadStore.Kind.IMAGE));
        assertTrue(e.getMessage().contains("1 MB"), e.getMessage());
    }

    @Test
    void folderIs0700AndFiles0600() throws IOException {
        UploadStore store = store(1 << 20);
        if (!Files.getFileStore(uploads).supportsFileAttributeView("posix")) {
            return; // nothing to check on a non-POSIX filesystem
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads)));
        StoredUpload upload = store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE);
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads.resolve(upload.filename()))));
        // an existing folder with loose permissions is tightened
        Files.setPosixFilePermissions(uploads, PosixFilePermissions.fromString("rwxr-xr-x"));
        store(1 << 20);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads)));
    }

    @Test
    void sweepDeletesWhatWasNotUsedWithinTheTtl() throws IOException {
        UploadStore store = store(1 << 20);
        String old = store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE).filename();
        String used = store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE).filename();
        Path stalePart = Files.write(uploads.resolve(".part-00000000deadbeef"), new byte[] {1});
        Files.setLastModifiedTime(stalePart, FileTime.from(clock.instant()));
        Path foreign = Files.writeString(uploads.resolve("README"), "not ours");
        Files.setLastModifiedTime(foreign, FileTime.from(clock.instant().minus(Duration.ofDays(30))));

        clock.advance(Duration.ofMinutes(50));
        store.resolve(used); // marks it used now
        String fresh = store.store(new ByteArrayInputStream(jpeg), UploadStore.Kind.IMAGE).filename();
        clock.advance(Duration.ofMinutes(20));

        assertEquals(2, store.sweep(Duration.ofHours(1)));
        assertEquals(Set.of(used, fresh, "README"), new HashSet<>(names()));
        assertThrows(NotFoundException.class, () -> store.resolve(old));
        assertEquals(2, store.count());
        assertEquals(2L * jpeg.length, store.totalBytes());
        assertEquals(0, store.sweep(Duration.ofHours(1)));
        assertNotEquals(used, fresh);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(uploads)) {
            return entries.filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A body that never ends: the store must stop reading at its limit. */
    private static final class CountingEndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 0);
            served += len;
            return len;
        }
    }
}
