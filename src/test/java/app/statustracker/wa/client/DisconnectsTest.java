package app.statustracker.wa.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.DisconnectReason.Kind;
import app.statustracker.wa.client.DisconnectReason.Reconnect;
import app.statustracker.wa.transport.CloseReason;
import org.junit.jupiter.api.Test;

/** The classification of docs/protocol.md, Login. */
class DisconnectsTest {

    private static DisconnectReason failure(String reason) {
        return Disconnects.fromFailure(Node.builder("failure").attr("reason", reason).build());
    }

    private static DisconnectReason streamError(String code, String conflict) {
        var error = Node.builder("stream:error");
        if (code != null) {
            error.attr("code", code);
        }
        if (conflict != null) {
            error.children(Node.builder("conflict").attr("type", conflict).build());
        }
        return Disconnects.fromStreamError(error.build());
    }

    @Test
    void loginFailures() {
        assertEquals(Kind.LOGGED_OUT, failure("401").kind());
        assertTrue(failure("401").isLoggedOut());
        assertEquals(Kind.LOGGED_OUT, failure("406").kind());
        assertEquals(Kind.BANNED, failure("402").kind());
        assertEquals(Kind.BANNED, failure("403").kind());
        assertEquals(Kind.CLIENT_OUTDATED, failure("405").kind());
        assertEquals(Kind.SERVER_ERROR, failure("503").kind());
        assertEquals(Reconnect.WITH_BACKOFF, failure("500").reconnect());
        assertEquals(Kind.REJECTED, failure("409").kind());
        for (String code : new String[] {"401", "402", "403", "405", "406", "409"}) {
            assertFalse(failure(code).shouldReconnect(), code);
        }
        assertEquals(405, failure("405").code());
    }

    @Test
    void streamErrors() {
        assertEquals(Kind.RESTART_REQUIRED, streamError("515", null).kind());
        assertEquals(Reconnect.NOW, streamError("515", null).reconnect());
        assertEquals(Kind.RESTART_REQUIRED, streamError("503", null).kind());
        DisconnectReason replaced = streamError(null, "replaced");
        assertEquals(Kind.REPLACED, replaced.kind());
        assertEquals(440, replaced.code());
        assertFalse(replaced.shouldReconnect());
        assertEquals(Kind.LOGGED_OUT, streamError("401", "device_removed").kind());
        assertEquals(Kind.LOGGED_OUT, streamError(null, "device_removed").kind());
        assertEquals(Kind.LOGGED_OUT, streamError("401", null).kind());
        assertEquals(Kind.SERVER_ERROR, streamError("500", null).kind());
        assertEquals(Kind.SERVER_ERROR, streamError(null, null).kind());
    }

    @Test
    void transportEnds() {
        DisconnectReason lost = Disconnects.fromClose(CloseReason.of(CloseReason.Kind.CONNECTION_LOST, "reset"));
        assertEquals(Kind.CONNECTION_LOST, lost.kind());
        assertEquals(Reconnect.WITH_BACKOFF, lost.reconnect());
        assertEquals(Kind.CONNECTION_LOST,
                Disconnects.fromClose(CloseReason.of(CloseReason.Kind.KEEPALIVE_TIMEOUT, "quiet")).kind());
        DisconnectReason local = Disconnects.fromClose(CloseReason.of(CloseReason.Kind.CLOSED_LOCALLY, "bye"));
        assertEquals(Kind.CLOSED_LOCALLY, local.kind());
        assertFalse(local.shouldReconnect());
        assertEquals("qr-timeout", DisconnectReason.of(Kind.QR_TIMEOUT, -1, "x").name());
    }
}
