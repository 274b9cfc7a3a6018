package app.statustracker.wa.transport;

import app.statustracker.wa.ProtocolException;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.crypto.DecryptionFailedException;
import app.statustracker.wa.noise.CertificateRejectedException;
import app.statustracker.wa.noise.FrameDecoder;
import app.statustracker.wa.noise.HandshakeFailedException;
import app.statustracker.wa.noise.MalformedFrameException;
import app.statustracker.wa.noise.TransportCipher;
import java.nio.ByteBuffer;

/**
 * Turns the bytes of inbound WebSocket messages into frames (a frame may span messages, a message may hold
 * several frames — docs/protocol.md, Connection), the first frame into the handshake's ServerHello, every later one
 * into a decrypted node. Maps each protocol failure to its close reason. Fed by one callback at a time.
 */
final class InboundFrames {
    private final WaConnection connection;
    private final FrameDecoder frames;
    private TransportCipher receiving;

    InboundFrames(WaConnection connection, FrameDecoder frames) {
        this.connection = connection;
        this.frames = frames;
    }

    void onBytes(ByteBuffer data) {
        connection.markReceived();
        try {
            for (byte[] frame : frames.feed(data)) {
                if (receiving == null) {
                    if (!connection.isHandshaking()) {
                        return;
                    }
                    receiving = connection.finishHandshake(frame);
                } else if (connection.isOpen()) {
                    connection.deliver(connection.nodeDecoder().decodeFrame(receiving.decrypt(frame)));
                } else {
                    return;
                }
            }
        } catch (CertificateRejectedException e) {
            fail(CloseReason.Kind.CERTIFICATE_REJECTED, e);
        } catch (HandshakeFailedException e) {
            fail(CloseReason.Kind.HANDSHAKE_FAILED, e);
        } catch (MalformedFrameException e) {
            fail(CloseReason.Kind.MALFORMED_FRAME, e);
        } catch (DecryptionFailedException e) {
            fail(CloseReason.Kind.DECRYPTION_FAILED, e);
        } catch (MalformedNodeException e) {
            fail(CloseReason.Kind.MALFORMED_NODE, e);
        } catch (ProtocolException e) {
            fail(CloseReason.Kind.PROTOCOL_ERROR, e);
        } catch (RuntimeException e) {
            // e.g. the ClientPayload supplier threw: our bug, but the connection cannot go on either
            fail(CloseReason.Kind.PROTOCOL_ERROR, e);
        }
    }

    private void fail(CloseReason.Kind kind, Exception e) {
        connection.closeWith(CloseReason.of(kind, String.valueOf(e.getMessage()), e));
    }
}
