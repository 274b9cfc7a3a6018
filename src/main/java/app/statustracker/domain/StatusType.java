package app.statustracker.domain;

import java.util.Locale;
import java.util.Optional;

/** What a status shows, as the seed names it: text, an image, a video, or a link with its preview. */
public enum StatusType {
    TEXT, IMAGE, VIDEO, URL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StatusType> fromWire(String value) {
        for (StatusType t : values()) {
            if (t.wire().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
