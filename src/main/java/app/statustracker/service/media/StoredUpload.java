package app.statustracker.service.media;

/**
 * An upload accepted into the {@link UploadStore}: the name to post it by later, and what was read from it.
 *
 * @param durationSeconds null for images
 */
public record StoredUpload(String filename, MediaFormat format, long size, int width, int height,
        Double durationSeconds) {
}
