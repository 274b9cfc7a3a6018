package app.statustracker.wa.media;

import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One device's media_conn, asked for once and reused until its TTL runs out, as Baileys' refreshMediaConn does: a
 * status with media costs no extra round trip while the last answer is good. Concurrent callers share one query.
 */
public final class MediaConnCache {
    private final Function<Node, CompletableFuture<Node>> query;
    private final Clock clock;
    private CompletableFuture<MediaConn> current;

    /** @param query sends an iq and completes with the server's answer (result or error iq) */
    public MediaConnCache(Function<Node, CompletableFuture<Node>> query, Clock clock) {
        this.query = Objects.requireNonNull(query, "query");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public synchronized CompletableFuture<MediaConn> get() {
        if (current != null) {
            if (!current.isDone()) {
                return current;
            }
            // a failed answer is never kept: the next caller asks again
            MediaConn held = current.isCompletedExceptionally() ? null : current.getNow(null);
            if (held != null && held.usableAt(clock.instant())) {
                return current;
            }
        }
        current = query.apply(MediaConnQuery.build()).thenApply(this::parse);
        return current;
    }

    /** Forgets the held answer, e.g. after a host refused its auth token. */
    public synchronized void invalidate() {
        current = null;
    }

    private MediaConn parse(Node answer) {
        try {
            if (!"result".equals(answer.attr("type"))) {
                throw new CompletionException(new MediaUploadException("media_conn refused by the server: "
                        + answer.child("error").map(e -> e.attr("code", "?") + " " + e.attr("text", "")).orElse("?")));
            }
            return MediaConnQuery.parse(answer, clock.instant());
        } catch (MalformedNodeException e) {
            throw new CompletionException(new MediaUploadException("malformed media_conn answer: " + e.getMessage()));
        }
    }
}
