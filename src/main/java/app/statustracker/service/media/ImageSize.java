package app.statustracker.service.media;

/** Width and height in pixels, as the image header states them. */
public record ImageSize(int width, int height) {
    public long pixels() {
        return (long) width * height;
    }
}
