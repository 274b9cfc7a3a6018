package app.statustracker.wa.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.media.EncryptedMedia;
import app.statustracker.wa.media.MediaType;
import app.statustracker.wa.media.MediaUploadException;
import app.statustracker.wa.media.UploadedMedia;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UploadedMediaCacheTest {
    private Instant now = Instant.parse("2026-12-02T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger uploads = new AtomicInteger();

    private CompletableFuture<UploadedMedia> upload() {
        int n = uploads.incrementAndGet();
        return CompletableFuture.completedFuture(new UploadedMedia(MediaType.IMAGE, "https://h/" + n, "/" + n,
                new byte[32], 1, new EncryptedMedia(new byte[32], new byte[32], 1, 17)));
    }

    @Test
    void aKeyedFileIsUploadedOnceWithinItsAgeAndAgainAfter() throws Exception {
        UploadedMediaCache cache = new UploadedMediaCache(clock);
        UploadedMedia first = cache.get("a.jpg", MediaType.IMAGE, this::upload).get();
        assertSame(first, cache.get("a.jpg", MediaType.IMAGE, this::upload).get());
        assertEquals(1, uploads.get());
        cache.get("b.jpg", MediaType.IMAGE, this::upload).get();
        cache.get(null, MediaType.IMAGE, this::upload).get();
        cache.get(null, MediaType.IMAGE, this::upload).get();
        assertEquals(4, uploads.get(), "other keys and unkeyed files upload each time");
        now = now.plus(UploadedMediaCache.MAX_AGE).plus(Duration.ofSeconds(1));
        assertEquals("https://h/5", cache.get("a.jpg", MediaType.IMAGE, this::upload).get().url());
    }

    @Test
    void aFailedUploadIsNotKeptAndConcurrentPostsShareOne() throws Exception {
        UploadedMediaCache cache = new UploadedMediaCache(clock);
        CompletableFuture<UploadedMedia> failing = cache.get("a.jpg", MediaType.IMAGE,
                () -> CompletableFuture.failedFuture(new MediaUploadException("host down")));
        assertTrue(failing.isCompletedExceptionally());
        CompletableFuture<UploadedMedia> slow = new CompletableFuture<>();
        CompletableFuture<UploadedMedia> one = cache.get("a.jpg", MediaType.IMAGE, () -> {
            uploads.incrementAndGet();
            return slow;
        });
        CompletableFuture<UploadedMedia> two = cache.get("a.jpg", MediaType.IMAGE, this::upload);
        assertEquals(1, uploads.get(), "the second post waits for the first one's upload");
        slow.complete(upload().get());
        assertSame(one.get(), two.get());
    }
}
