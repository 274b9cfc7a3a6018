package app.statustracker.service.media;

import app.statustracker.config.PrivateFolders;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.errors.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The folder holding uploaded media until it is posted. Uploads are user-supplied files on our disk, so: names are
 * chosen here (never from the client) and {@link #resolve} accepts only names of that shape, the folder is 0700 and
 * files 0600 (other local users cannot read a user's photos), and nothing half-written or refused stays behind.
 * Thread-safe: naming, resolving and sweeping share one lock; streaming an upload in does not take it.
 */
public final class UploadStore {
    /** What the route promised: upload-image or upload-video. The bytes must agree. */
    public enum Kind {
        IMAGE, VIDEO
    }

    /** Exactly the names {@link #store} issues: {@code <epochSeconds>-<hex>.<ext>}. */
    static final Pattern NAME = Pattern.compile("^[0-9]{1,12}-[0-9a-f]{4,32}\\.(jpg|png|webp|mp4)$");
    static final String PART_PREFIX = ".part-";
    private static final int BUFFER_BYTES = 8192;
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private final Path dir;
    private final long maxBytes;
    private final Clock clock;
    private final RandomGenerator random;
    private final boolean posix;
    private final Object lock = new Object();

    /**
     * @param random source of the random part of names; a {@link java.security.SecureRandom} in production, so
     *               names cannot be guessed from one another
     */
    public UploadStore(Path uploadsDir, long maxBytes, Clock clock, RandomGenerator random) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.random = random;
        try {
            this.dir = PrivateFolders.create(uploadsDir).toRealPath();
            this.posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Streams {@code in} into the folder, checks type (by the bytes) and kind, reads size and duration, and gives
     * the upload its final name. On any failure nothing is left in the folder.
     *
     * @throws MediaTooLargeException over {@code maxBytes}
     * @throws InvalidMediaException of an accepted type but unreadable (truncated, corrupt)
     * @throws UnsupportedMediaException empty, a type we do not post, or one that does not match {@code kind}
     */
    public StoredUpload store(InputStream in, Kind kind) {
        Path part = dir.resolve(PART_PREFIX + hex(16));
        boolean kept = false;
        try {
            long size = copyCapped(in, part);
            if (size == 0) {
                // like the sniffer: no bytes are no accepted type (415), whatever the route
                throw new UnsupportedMediaException("the file is empty: "
                        + (kind == Kind.IMAGE ? "not a JPEG, PNG or WebP image" : "not an MP4 video"));
            }
            MediaFormat format = MediaSniffer.sniff(part);
            if (kind == Kind.IMAGE && !format.isImage()) {
                throw new UnsupportedMediaException("the file is not a JPEG, PNG or WebP image");
            }
            if (kind == Kind.VIDEO && !format.isVideo()) {
                throw new UnsupportedMediaException("the file is not an MP4 video");
            }
            StoredUpload upload;
            String name;
            if (format.isImage()) {
                ImageSize imageSize = ImageProbe.size(part, format);
                name = moveToFinalName(part, format);
                upload = new StoredUpload(name, format, size, imageSize.width(), imageSize.height(), null);
            } else {
                VideoInfo info = VideoProbe.probe(part);
                name = moveToFinalName(part, format);
                upload = new StoredUpload(name, format, size, info.width(), info.height(), info.durationSeconds());
            }
            kept = true;
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!kept) {
                deleteQuietly(part);
            }
        }
    }

    private long copyCapped(InputStream in, Path part) throws IOException {
        long total = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (OutputStream out = Files.newOutputStream(createPrivateFile(part), StandardOpenOption.WRITE)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new MediaTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    private Path createPrivateFile(Path file) throws IOException {
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
                : new FileAttribute<?>[0];
        Path created = Files.createFile(file, attributes);
        if (posix) {
            Files.setPosixFilePermissions(created, FILE_PERMISSIONS); // the umask may have narrowed, never widened
        }
        return created;
    }

    private String moveToFinalName(Path part, MediaFormat format) throws IOException {
        synchronized (lock) {
            long epochSeconds = clock.instant().getEpochSecond();
            while (true) {
                String name = epochSeconds + "-" + hex(8) + "." + format.extension();
                Path target = dir.resolve(name);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // a rename would replace it: pick another name
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
                return name;
            }
        }
    }

    /**
     * The file of an upload this store issued, marked as used (mtime now) so {@link #sweep} keeps it.
     *
     * @throws InvalidInputException a name this store would never issue (paths, encodings, other extensions)
     * @throws NotFoundException a well-formed name with no regular file behind it (never issued, swept, or a link)
     */
    public Path resolve(String filename) {
        if (filename == null || !NAME.matcher(filename).matches()) {
            throw new InvalidInputException("content '" + shown(filename) + "' is not an upload name: expected "
                    + "<seconds>-<hex>.<jpg|png|webp|mp4> as upload-image or upload-video answered");
        }
        Path file = dir.resolve(filename).normalize();
        if (!file.startsWith(dir) || !file.getParent().equals(dir)) {
            throw new InvalidInputException("not an upload name");
        }
        synchronized (lock) {
            // NOFOLLOW_LINKS: a symlink planted here must not lead the poster to a file outside the folder
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotFoundException("no upload named " + filename);
            }
            try {
                Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            } catch (NoSuchFileException e) {
                throw new NotFoundException("no upload named " + filename);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }

    /**
     * Removes an upload now (e.g. the stored copy of a fetched link, once posted). A name already gone is not an
     * error: the sweep may have taken it.
     *
     * @return whether a file was deleted
     * @throws InvalidInputException a name this store would never issue
     */
    public boolean delete(String filename) {
        if (filename == null || !NAME.matcher(filename).matches()) {
            throw new InvalidInputException("not an upload name: expected <seconds>-<hex>.<jpg|png|webp|mp4>");
        }
        Path file = dir.resolve(filename);
        synchronized (lock) {
            try {
                // a planted symlink is removed itself, never what it points to
                return Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A name as the caller gave it, cut short: enough to recognise, never a page of someone's input. */
    private static String shown(String filename) {
        String name = filename == null ? "" : filename;
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }

    /** Deletes uploads and abandoned partial files not modified (nor resolved) within {@code ttl}. */
    public int sweep(Duration ttl) {
        Instant cutoff = clock.instant().minus(ttl);
        int deleted = 0;
        synchronized (lock) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!NAME.matcher(name).matches() && !name.startsWith(PART_PREFIX)) {
                        continue;
                    }
                    try {
                        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                            continue;
                        }
                        FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
                        if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(entry)) {
                            deleted++;
                        }
                    } catch (NoSuchFileException e) {
                        // gone meanwhile (a failed upload cleaning up): nothing to sweep
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted;
    }

    /** Bytes held by stored uploads (partial files excluded). */
    public long totalBytes() {
        long total = 0;
        for (Path upload : uploads()) {
            try {
                total += Files.size(upload);
            } catch (NoSuchFileException e) {
                // swept meanwhile
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /** Number of stored uploads (partial files excluded). */
    public int count() {
        return uploads().size();
    }

    private List<Path> uploads() {
        List<Path> uploads = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (NAME.matcher(entry.getFileName().toString()).matches()
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    uploads.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uploads;
    }

    private String hex(int digits) {
        StringBuilder out = new StringBuilder(digits);
        synchronized (lock) { // a RandomGenerator need not be thread-safe
            while (out.length() < digits) {
                out.append(String.format("%08x", random.nextInt()));
            }
        }
        return out.substring(0, digits);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: sweep removes stale partial files later
        }
    }
}
