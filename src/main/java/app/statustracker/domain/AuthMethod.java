package app.statustracker.domain;

import java.util.Locale;
import java.util.Optional;

/** How a session links: an 8-character code typed on the phone, or a QR code scanned by it. */
public enum AuthMethod {
    PAIRING, QRCODE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuthMethod> fromWire(String value) {
        for (AuthMethod m : values()) {
            if (m.wire().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
