package app.statustracker.runtime;

import app.statustracker.config.MediaSettings;
import app.statustracker.config.Settings;
import app.statustracker.wa.client.MediaTransfer;
import app.statustracker.wa.media.ExtraTrust;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The one way the service reaches WhatsApp's media hosts: an HTTP client trusting the JDK's store plus
 * {@code WA_EXTRA_CA_FILE} when set (never everything), and {@code DATA_DIR/media-work} (0700) for encrypted files
 * on their way up.
 */
final class MediaTransfers {
    static final String WORK_FOLDER = "media-work";

    private MediaTransfers() {
    }

    static MediaTransfer create(Settings settings, MediaSettings media, Executor executor) {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .executor(executor)
                    .connectTimeout(Duration.ofSeconds(20))
                    .sslContext(ExtraTrust.sslContext(settings.waExtraCaFile()))
                    .build();
            return new MediaTransfer(http, privateFolder(settings.dataDir().resolve(WORK_FOLDER)), executor,
                    media.hostUploadTimeout());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot prepare media uploads (WA_EXTRA_CA_FILE "
                    + settings.waExtraCaFile() + "): " + e.getMessage(), e);
        }
    }

    private static Path privateFolder(Path folder) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(folder);
        }
        // files left by a crash mid-upload are of no use to anyone: the upload starts over
        try (var leftovers = Files.list(folder)) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                Files.deleteIfExists(leftover);
            }
        }
        return folder;
    }
}
