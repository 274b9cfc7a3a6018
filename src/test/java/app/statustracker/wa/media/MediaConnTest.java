package app.statustracker.wa.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.MutableClock;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MediaConnTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static Node answer(String auth, String ttl, String authTtl, String... hosts) {
        List<Node> hostNodes = java.util.Arrays.stream(hosts).map(h -> Node.of("host", Map.of("hostname", h))).toList();
        return Node.of("iq", Map.of("type", "result", "id", "1"), List.of(Node.of("media_conn",
                Map.of("auth", auth, "ttl", ttl, "auth_ttl", authTtl, "max_buckets", "12"), hostNodes)));
    }

    @Test
    void theQueryIsTheMediaConnIq() {
        Node iq = MediaConnQuery.build();
        assertEquals("w:m", iq.attr("xmlns"));
        assertEquals("set", iq.attr("type"));
        assertEquals("@s.whatsapp.net", iq.attr("to"));
        assertTrue(iq.child("media_conn").isPresent());
    }

    @Test
    void readsAuthTtlsAndHostsInOrder() throws Exception {
        MediaConn conn = MediaConnQuery.parse(answer("tok", "300", "21600", "127.0.0.1:8443", "mmg.whatsapp.net"), T0);
        assertEquals("tok", conn.auth());
        assertEquals(Duration.ofSeconds(300), conn.ttl());
        assertEquals(List.of("127.0.0.1:8443", "mmg.whatsapp.net"), conn.hosts());
        assertEquals(12, conn.maxBuckets());
        assertTrue(conn.usableAt(T0.plusSeconds(299)));
        assertFalse(conn.usableAt(T0.plusSeconds(300)));
    }

    @Test
    void theShorterOfTheTwoLifetimesCounts() throws Exception {
        MediaConn conn = MediaConnQuery.parse(answer("tok", "3600", "60", "h"), T0);
        assertFalse(conn.usableAt(T0.plusSeconds(61)));
    }

    @Test
    void anAnswerMissingWhatWhatsmeowRequiresIsMalformed() {
        assertThrows(MalformedNodeException.class, () -> MediaConnQuery.parse(answer("", "1", "1", "h"), T0));
        assertThrows(MalformedNodeException.class, () -> MediaConnQuery.parse(answer("a", "x", "1", "h"), T0));
        assertThrows(MalformedNodeException.class, () -> MediaConnQuery.parse(answer("a", "1", "1"), T0));
        assertThrows(MalformedNodeException.class, () -> MediaConnQuery.parse(
                Node.of("iq", Map.of("type", "result"), List.of(Node.of("media_conn", Map.of("auth", "a")))), T0));
    }

    @Test
    void theCacheAsksOnceUntilTheTtlRunsOut() {
        AtomicInteger asked = new AtomicInteger();
        MutableClock clock = new MutableClock(T0);
        MediaConnCache cache = new MediaConnCache(iq -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(answer("tok" + asked.get(), "100", "1000", "h"));
        }, clock);
        MediaConn first = cache.get().join();
        assertSame(first, cache.get().join());
        clock.set(T0.plusSeconds(99));
        assertSame(first, cache.get().join());
        assertEquals(1, asked.get());
        clock.set(T0.plusSeconds(100));
        assertEquals("tok2", cache.get().join().auth());
        cache.invalidate();
        assertEquals("tok3", cache.get().join().auth());
    }

    @Test
    void anErrorAnswerFailsAndIsNotKept() {
        AtomicInteger asked = new AtomicInteger();
        MediaConnCache cache = new MediaConnCache(iq -> CompletableFuture.completedFuture(asked.incrementAndGet() == 1
                ? Node.of("iq", Map.of("type", "error"), List.of(Node.of("error", Map.of("code", "500"))))
                : answer("tok", "100", "100", "h")), new MutableClock(T0));
        CompletionException failure = assertThrows(CompletionException.class, () -> cache.get().join());
        assertInstanceOf(MediaUploadException.class, failure.getCause());
        assertEquals("tok", cache.get().join().auth());
    }
}
