package app.statustracker.config;

import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of status posting and viewer tracking, kept apart from {@link Settings} so the two grow
 * without clashing. Same rules: parsed once, a bad value fails with a line naming the key.
 *
 * @param receiptFlushInterval how long receipts wait to be committed together (RECEIPT_FLUSH_MS, default 25)
 * @param receiptBatchMax      receipts per transaction at most; a full queue flushes at once (RECEIPT_BATCH_MAX)
 * @param sendTimeout          how long a post may wait for WhatsApp's server ack (STATUS_SEND_TIMEOUT_MS)
 * @param previewTimeout       the whole link preview, page and image (LINK_PREVIEW_TIMEOUT_MS, default 5000)
 * @param previewMaxBytes      the most read of a page or image for a preview (LINK_PREVIEW_MAX_BYTES, 2 MiB)
 * @param viewersEventInterval at most one status-viewers-update per status in this time, the latest list
 *                             (VIEWERS_EVENT_INTERVAL_MS, default 250; 0 sends one per receipt commit)
 * @param eventQueueMax        events one Socket.IO or /ws client may have waiting before it is dropped as too slow
 *                             (EVENT_QUEUE_MAX, default 1024)
 */
public record StatusSettings(Duration receiptFlushInterval, int receiptBatchMax, Duration sendTimeout,
                             Duration previewTimeout, int previewMaxBytes, Duration viewersEventInterval,
                             int eventQueueMax) {

    public static StatusSettings from(Function<String, String> lookup) {
        Function<String, String> get = Settings.trimmed(lookup);
        return new StatusSettings(
                Duration.ofMillis(Settings.intIn(get, "RECEIPT_FLUSH_MS", 25, 1, 10_000)),
                Settings.intIn(get, "RECEIPT_BATCH_MAX", 5_000, 1, 100_000),
                Duration.ofMillis(Settings.intIn(get, "STATUS_SEND_TIMEOUT_MS", 120_000, 1_000, 3_600_000)),
                Duration.ofMillis(Settings.intIn(get, "LINK_PREVIEW_TIMEOUT_MS", 5_000, 100, 60_000)),
                Settings.intIn(get, "LINK_PREVIEW_MAX_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
                Duration.ofMillis(Settings.intIn(get, "VIEWERS_EVENT_INTERVAL_MS", 250, 0, 60_000)),
                Settings.intIn(get, "EVENT_QUEUE_MAX", 1024, 16, 1_000_000));
    }
}
