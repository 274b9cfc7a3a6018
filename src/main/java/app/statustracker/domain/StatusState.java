package app.statustracker.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a posted status stands: stored before it goes out ({@code sending}), then {@code sent} once WhatsApp's
 * server acked it without error, or {@code failed} with the reason.
 */
public enum StatusState {
    SENDING, SENT, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StatusState> fromWire(String value) {
        for (StatusState s : values()) {
            if (s.wire().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
