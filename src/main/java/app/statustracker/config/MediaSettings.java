package app.statustracker.config;

import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of image and video statuses, beside {@link Settings} (which holds {@code MAX_UPLOAD_MB}). Same rules:
 * parsed once, a bad value fails with one line naming the key and its range.
 *
 * @param uploadTtl          uploads not used for this long are removed (UPLOAD_TTL_HOURS, 1–720, default 24)
 * @param fetchTimeout       the whole download of a media URL given as {@code content} (MEDIA_FETCH_TIMEOUT_MS,
 *                           1000–600000, default 60000)
 * @param hostUploadTimeout  each media host's whole upload of one file (MEDIA_UPLOAD_TIMEOUT_MS, 1000–3600000,
 *                           default 300000)
 */
public record MediaSettings(Duration uploadTtl, Duration fetchTimeout, Duration hostUploadTimeout) {

    public static MediaSettings from(Function<String, String> lookup) {
        Function<String, String> get = Settings.trimmed(lookup);
        return new MediaSettings(
                Duration.ofHours(Settings.intIn(get, "UPLOAD_TTL_HOURS", 24, 1, 720)),
                Duration.ofMillis(Settings.intIn(get, "MEDIA_FETCH_TIMEOUT_MS", 60_000, 1_000, 600_000)),
                Duration.ofMillis(Settings.intIn(get, "MEDIA_UPLOAD_TIMEOUT_MS", 300_000, 1_000, 3_600_000)));
    }
}
