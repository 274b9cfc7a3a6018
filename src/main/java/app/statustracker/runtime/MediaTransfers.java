package app.statustracker.runtime;

import app.statustracker.config.MediaSettings;
import app.statustracker.config.PrivateFolders;
import app.statustracker.config.Settings;
import app.statustracker.wa.client.MediaTransfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * The one way the service reaches WhatsApp's media hosts: an HTTP client trusting what {@link OutboundTls} trusts,
 * and {@code DATA_DIR/media-work} (0700) for encrypted files
 * on their way up.
 */
final class MediaTransfers {
    static final String WORK_FOLDER = "media-work";

    private MediaTransfers() {
    }

    static MediaTransfer create(Settings settings, MediaSettings media, SSLContext tls, Executor executor) {
        HttpClient http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(20))
                .sslContext(tls)
                .build();
        try {
            return new MediaTransfer(http, privateFolder(settings.dataDir().resolve(WORK_FOLDER)), executor,
                    media.hostUploadTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the media work folder: " + e.getMessage(), e);
        }
    }

    private static Path privateFolder(Path folder) throws IOException {
        PrivateFolders.create(folder);
        PrivateFolders.clear(folder); // an upload cut short by a crash starts over
        return folder;
    }
}
