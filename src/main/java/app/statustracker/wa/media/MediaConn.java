package app.statustracker.wa.media;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The server's answer to a media_conn query (docs/protocol.md, Media): the upload auth token, how long it and the
 * host list stay good, and the media hosts to try in order. A host may carry a port ({@code 127.0.0.1:8443}).
 */
public record MediaConn(String auth, Duration ttl, Duration authTtl, int maxBuckets, List<String> hosts,
                        Instant fetchedAt) {
    public MediaConn {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(authTtl, "authTtl");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        hosts = List.copyOf(hosts);
    }

    /** Good for another upload at {@code now}: neither the host list nor the auth token has expired. */
    public boolean usableAt(Instant now) {
        Duration shorter = ttl.compareTo(authTtl) <= 0 ? ttl : authTtl;
        return now.isBefore(fetchedAt.plus(shorter));
    }
}
