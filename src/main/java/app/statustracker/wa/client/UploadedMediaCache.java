package app.statustracker.wa.client;

import app.statustracker.wa.media.MediaType;
import app.statustracker.wa.media.UploadedMedia;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Files this client already put on WhatsApp's media hosts, by the caller's key for a file that never changes: a
 * second status of the same photo refers to the same encrypted copy (url, direct path, media key), the way WhatsApp
 * forwards media, instead of encrypting and uploading it again. Concurrent posts of one file share one upload; a
 * failed upload is forgotten at once. Bounded in number and age (the media hosts keep a file for weeks; a day's
 * statuses need far less).
 */
final class UploadedMediaCache {
    static final int MAX_ENTRIES = 64;
    static final Duration MAX_AGE = Duration.ofHours(12);

    private record Entry(CompletableFuture<UploadedMedia> upload, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    UploadedMediaCache(Clock clock) {
        this.clock = clock;
    }

    /** The upload for this key, started with {@code upload} unless a young enough one is known (or under way). */
    CompletableFuture<UploadedMedia> get(String key, MediaType type, Supplier<CompletableFuture<UploadedMedia>> upload) {
        if (key == null) {
            return upload.get();
        }
        String slot = type + ":" + key;
        Entry entry;
        boolean fresh = false;
        synchronized (entries) {
            entry = entries.get(slot);
            if (entry == null || entry.at().plus(MAX_AGE).isBefore(clock.instant())
                    || entry.upload().isCompletedExceptionally()) {
                entry = new Entry(new CompletableFuture<>(), clock.instant());
                entries.put(slot, entry);
                fresh = true;
            }
        }
        if (fresh) {
            Entry started = entry;
            upload.get().whenComplete((uploaded, failure) -> {
                if (failure != null) {
                    synchronized (entries) {
                        entries.remove(slot, started);
                    }
                    started.upload().completeExceptionally(failure);
                } else {
                    started.upload().complete(uploaded);
                }
            });
        }
        return entry.upload();
    }

    /** Everything known goes: the next post of any file uploads it again. */
    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
