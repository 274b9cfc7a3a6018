package app.statustracker.simulator.media;

import app.statustracker.testing.ThrowawayCa;
import java.time.Duration;
import java.util.Objects;

/**
 * The media side of the simulator.
 *
 * @param port        HTTPS port of the media host on 127.0.0.1; 0 picks a free one
 * @param ttl         media_conn {@code ttl}: how long a client may reuse the answer. Real servers say about
 *                    300 s, so that is the default; a test of re-fetching sets it to a second or two.
 * @param authTtl     media_conn {@code auth_ttl}: how long the auth token is good. Real servers say hours
 *                    (around 21600 s, the default). The simulator does not expire tokens by itself; tests
 *                    make a cached token stale with {@code WaSimulator.rotateMediaAuth()}.
 * @param maxBuckets  media_conn {@code max_buckets}; whatsmeow insists on it, nobody uses it (default 12)
 * @param maxUploadBytes larger uploads get 413 (default 64 MiB: a status video is at most about 16 MiB)
 * @param ca          signs the host's certificate; null: one made for this host alone. The integration tests pass
 *                    the run's CA, the one the server under test was told to trust before it booted.
 */
public record MediaHostSettings(int port, Duration ttl, Duration authTtl, int maxBuckets, long maxUploadBytes,
                                ThrowawayCa ca) {
    public MediaHostSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(authTtl, "authTtl");
        if (port < 0 || maxBuckets < 0 || maxUploadBytes < 0 || ttl.isNegative() || authTtl.isNegative()) {
            throw new IllegalArgumentException("media settings must not be negative");
        }
    }

    public static MediaHostSettings defaults() {
        return new MediaHostSettings(0, Duration.ofSeconds(300), Duration.ofSeconds(21600), 12, 64L << 20, null);
    }

    public MediaHostSettings withPort(int newPort) {
        return new MediaHostSettings(newPort, ttl, authTtl, maxBuckets, maxUploadBytes, ca);
    }

    public MediaHostSettings withTtl(Duration newTtl, Duration newAuthTtl) {
        return new MediaHostSettings(port, newTtl, newAuthTtl, maxBuckets, maxUploadBytes, ca);
    }

    public MediaHostSettings withCa(ThrowawayCa signer) {
        return new MediaHostSettings(port, ttl, authTtl, maxBuckets, maxUploadBytes, signer);
    }

    public MediaHostSettings withMaxUploadBytes(long limit) {
        return new MediaHostSettings(port, ttl, authTtl, maxBuckets, limit, ca);
    }
}
