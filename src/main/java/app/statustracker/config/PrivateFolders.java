package app.statustracker.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders under DATA_DIR that hold users' files or keys: created 0700, and tightened to 0700 if they were not. */
public final class PrivateFolders {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolders() {
    }

    public static Path create(Path folder) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectories(folder);
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Files.createDirectories(folder, ownerOnly);
        Files.setPosixFilePermissions(folder, OWNER_ONLY);
        return folder;
    }

    /** Empties a work folder: what a crash left there half-written is of no use. */
    public static void clear(Path folder) throws IOException {
        try (var leftovers = Files.list(folder)) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                if (Files.isRegularFile(leftover, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }
}
