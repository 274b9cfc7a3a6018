package app.statustracker.service.media;

/**
 * What a video status needs from the container: display size (rotation applied) and duration.
 *
 * @param codec the sample entry type of the video track ({@code avc1} or {@code avc3})
 */
public record VideoInfo(int width, int height, long durationMillis, String codec) {
    public double durationSeconds() {
        return durationMillis / 1000.0;
    }

    /** WhatsApp's {@code seconds} field is an integer: rounded to nearest, at least 1 for a non-empty video. */
    public int wholeSeconds() {
        return (int) Math.max(1, Math.round(durationMillis / 1000.0));
    }
}
