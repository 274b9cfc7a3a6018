package app.statustracker.wa.transport;

/**
 * Why a connection ended, once per connection. The kind is what a caller acts on (reconnect, re-pair, alert
 * the operator); the message is for logs; the cause, when present, is the failure itself.
 *
 * @param kind            what happened
 * @param message         human-readable detail, never null
 * @param webSocketStatus the WebSocket close code the server sent, or -1 when there was none
 * @param cause           the exception behind the close, or null
 */
public record CloseReason(Kind kind, String message, int webSocketStatus, Throwable cause) {

    public enum Kind {
        /** {@link WaConnection#close()} was called. */
        CLOSED_LOCALLY,
        /** The server closed the WebSocket (a close frame arrived). */
        CLOSED_BY_SERVER,
        /** The WebSocket could not be opened (refused, DNS, TLS, HTTP upgrade refused, connect timeout). */
        CONNECT_FAILED,
        /** The TCP connection broke or ended without a WebSocket close. */
        CONNECTION_LOST,
        /** The Noise handshake did not finish within {@link TransportOptions#handshakeTimeout()}. */
        HANDSHAKE_TIMEOUT,
        /** The server's handshake messages were malformed or did not authenticate. */
        HANDSHAKE_FAILED,
        /** The server's certificate chain failed verification (wrong root, expired, mismatched key…). */
        CERTIFICATE_REJECTED,
        /** The byte stream broke the frame layer (oversized frame). */
        MALFORMED_FRAME,
        /** A transport frame did not decrypt: wrong keys, tampering, or a lost frame. */
        DECRYPTION_FAILED,
        /** A decrypted frame was not a valid binary node. */
        MALFORMED_NODE,
        /** Any other protocol failure, e.g. the 2^32 frame counter ran out. */
        PROTOCOL_ERROR,
        /** A ping got no answer and nothing else arrived within {@link TransportOptions#keepAliveTimeout()}. */
        KEEPALIVE_TIMEOUT,
        /** Our own listener threw while handling a node; the connection state is no longer trustworthy. */
        LISTENER_FAILED
    }

    public static CloseReason of(Kind kind, String message) {
        return new CloseReason(kind, message, -1, null);
    }

    public static CloseReason of(Kind kind, String message, Throwable cause) {
        return new CloseReason(kind, message, -1, cause);
    }

    @Override
    public String toString() {
        return kind + (webSocketStatus >= 0 ? " (" + webSocketStatus + ")" : "") + ": " + message;
    }
}
