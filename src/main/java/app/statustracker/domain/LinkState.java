package app.statustracker.domain;

import java.util.Locale;

/** Where a session's link to WhatsApp stands; the API shows the lower-case name. */
public enum LinkState {
    CONNECTING, AWAITING_PAIRING, CONNECTED, DISCONNECTED, LOGGED_OUT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
