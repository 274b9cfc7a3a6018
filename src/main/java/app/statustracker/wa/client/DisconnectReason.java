package app.statustracker.wa.client;

import java.util.Locale;

/**
 * Why a client's connection ended, classified as docs/protocol.md, Login describes, with what the caller should do.
 *
 * @param kind   the class of reason
 * @param code   WhatsApp's code ({@code failure reason}, {@code stream:error code}, 440 for a conflict), or -1
 * @param detail human-readable detail for logs
 */
public record DisconnectReason(Kind kind, int code, String detail) {

    /** What the caller does next. */
    public enum Reconnect {
        /** Reconnect at once (515 after pairing, 503): the next connection logs in. */
        NOW,
        /** Reconnect after a backoff the caller chooses. */
        WITH_BACKOFF,
        /** Do not reconnect by yourself: a person has to act (re-link, update, investigate). */
        NEVER
    }

    public enum Kind {
        /** failure 401/406, stream:error 401 or {@code conflict type="device_removed"}: unlinked; delete the session. */
        LOGGED_OUT(Reconnect.NEVER),
        /** failure 402 (temporary) or 403: the account is banned or locked. */
        BANNED(Reconnect.NEVER),
        /** failure 405: WhatsApp wants a newer client version. */
        CLIENT_OUTDATED(Reconnect.NEVER),
        /** {@code conflict type="replaced"} (440): another connection took over this device. */
        REPLACED(Reconnect.NEVER),
        /** stream:error 515 (after pairing) or 503 (server restarting). */
        RESTART_REQUIRED(Reconnect.NOW),
        /** Every QR ref was shown and none was scanned. */
        QR_TIMEOUT(Reconnect.NEVER),
        /** We refused the pair-success identity, or the server refused a link-code step. */
        PAIRING_FAILED(Reconnect.NEVER),
        /** Any other failure code: the server refused us for a reason we cannot fix by retrying. */
        REJECTED(Reconnect.NEVER),
        /** failure 500/503 or an unclassified stream:error: a server-side problem. */
        SERVER_ERROR(Reconnect.WITH_BACKOFF),
        /** The transport ended: network loss, keep-alive timeout, server closed without saying why. */
        CONNECTION_LOST(Reconnect.WITH_BACKOFF),
        /** {@link WaClient#disconnect()} was called. */
        CLOSED_LOCALLY(Reconnect.NEVER);

        private final Reconnect reconnect;

        Kind(Reconnect reconnect) {
            this.reconnect = reconnect;
        }
    }

    public static DisconnectReason of(Kind kind, int code, String detail) {
        return new DisconnectReason(kind, code, detail);
    }

    public Reconnect reconnect() {
        return kind.reconnect;
    }

    public boolean shouldReconnect() {
        return kind.reconnect != Reconnect.NEVER;
    }

    /** The session's credentials are dead: the device must be linked anew. */
    public boolean isLoggedOut() {
        return kind == Kind.LOGGED_OUT;
    }

    /** A short name for status displays: {@code qr-timeout}, {@code logged-out}, {@code replaced}… */
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return name() + (code >= 0 ? " (" + code + ")" : "") + ": " + detail;
    }
}
