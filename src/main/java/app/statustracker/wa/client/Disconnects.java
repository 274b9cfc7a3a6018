package app.statustracker.wa.client;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.DisconnectReason.Kind;
import app.statustracker.wa.transport.CloseReason;

/** Maps what ends a connection to a {@link DisconnectReason} (docs/protocol.md, Login). */
final class Disconnects {
    private Disconnects() {
    }

    /** {@code <failure reason="NNN"/>} in answer to a login. */
    static DisconnectReason fromFailure(Node failure) {
        int code = number(failure.attr("reason"), -1);
        String detail = "login failure " + failure.attributes();
        Kind kind = switch (code) {
            case 401, 406 -> Kind.LOGGED_OUT;
            case 402, 403 -> Kind.BANNED;
            case 405 -> Kind.CLIENT_OUTDATED;
            case 500, 503 -> Kind.SERVER_ERROR;
            default -> Kind.REJECTED;
        };
        return DisconnectReason.of(kind, code, detail);
    }

    /** {@code <stream:error code="NNN">[<conflict type/>]</stream:error>}. */
    static DisconnectReason fromStreamError(Node error) {
        String conflict = error.child("conflict").map(node -> node.attr("type", "")).orElse(null);
        // Baileys: code attr, else 440 when the first child is a conflict, else 500
        int code = number(error.attr("code"), conflict != null ? 440 : 500);
        String detail = "stream error " + error.attributes() + (conflict != null ? " conflict " + conflict : "");
        if ("device_removed".equals(conflict) || code == 401) {
            return DisconnectReason.of(Kind.LOGGED_OUT, code, detail);
        }
        if (conflict != null) {
            return DisconnectReason.of(Kind.REPLACED, code, detail);
        }
        return switch (code) {
            case 515, 503 -> DisconnectReason.of(Kind.RESTART_REQUIRED, code, detail);
            default -> DisconnectReason.of(Kind.SERVER_ERROR, code, detail);
        };
    }

    /** The transport ended before the server told us anything. */
    static DisconnectReason fromClose(CloseReason reason) {
        if (reason.kind() == CloseReason.Kind.CLOSED_LOCALLY) {
            return DisconnectReason.of(Kind.CLOSED_LOCALLY, -1, reason.message());
        }
        return DisconnectReason.of(Kind.CONNECTION_LOST, reason.webSocketStatus(), reason.toString());
    }

    private static int number(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
