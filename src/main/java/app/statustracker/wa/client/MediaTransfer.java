package app.statustracker.wa.client;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * How the clients of one deployment reach WhatsApp's media hosts: one HTTP client (its SSL context decides which
 * certificates are trusted: the JDK's store plus any CA the user added), the folder where encrypted files wait for
 * their upload, the executor that runs the file encryption (blocking file I/O, so not a transport thread) and the
 * time each host gets for a whole upload.
 */
public record MediaTransfer(HttpClient http, Path workDir, Executor blockingIo, Duration uploadTimeout) {
    public MediaTransfer {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(blockingIo, "blockingIo");
        Objects.requireNonNull(uploadTimeout, "uploadTimeout");
        if (uploadTimeout.isNegative() || uploadTimeout.isZero()) {
            throw new IllegalArgumentException("media upload timeout must be positive");
        }
    }

    /**
     * The JDK's trust store, the system temporary folder and the common pool: enough for tests and tools; an
     * application passes its own executor and folder.
     */
    public static MediaTransfer defaults() {
        return new MediaTransfer(DefaultHttp.CLIENT, Path.of(System.getProperty("java.io.tmpdir")),
                ForkJoinPool.commonPool(), Duration.ofMinutes(5));
    }

    /** Made on first use only, so that a deployment with its own client never starts this one's selector thread. */
    private static final class DefaultHttp {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }
}
