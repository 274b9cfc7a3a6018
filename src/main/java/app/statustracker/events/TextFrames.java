package app.statustracker.events;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * WebSocket text frames encoded once and written as they are, where the server's WebSocket implementation allows
 * it. Tyrus (Payara's) encodes every {@code sendText} character by character through a strict UTF-8 encoder: a
 * 100 KB viewer list sent to 2,000 clients spent 94% of the server's CPU there (bench/fanout.sh), which starved the
 * receipt pipeline. Tyrus has no public API for a pre-encoded frame, so its web socket's {@code sendRawFrame} is
 * reached by reflection; anywhere else, or if that ever fails, events go through {@code sendText} as before and
 * one line says so.
 */
public final class TextFrames {
    private static final Logger LOG = Logger.getLogger(TextFrames.class.getName());

    private record Encoded(String text, ByteBuffer frame) {
    }

    /*
     * The frames of the texts sent last. One event goes to every client in turn, so a few entries nearly always hit:
     * the /ws envelope and the Socket.IO message of the same event alternate, and slow clients still send an older
     * list while the others send the newest. A miss only costs an encoding.
     */
    private static final int CACHED = 8;
    private static final Encoded[] recent = new Encoded[CACHED];
    private static int nextSlot;
    private static volatile boolean unavailable;
    /** Tyrus's remote endpoint field holding the web socket, and that socket's sendRawFrame; found once. */
    private record Raw(Class<?> remoteType, Field webSocket, Method sendRaw) {
    }

    private static volatile Raw raw;

    private TextFrames() {
    }

    /**
     * Sends {@code text} as one text frame encoded once for every session that sends the same text.
     *
     * @return the write's completion, or null when this session cannot take a pre-encoded frame (send it as usual)
     */
    public static CompletionStage<?> send(Session session, String text) {
        if (unavailable || !session.getNegotiatedExtensions().isEmpty()) {
            return null; // an extension (compression) would have to transform the frame
        }
        try {
            Object remote = session.getAsyncRemote();
            Raw found = raw;
            if (found == null || found.remoteType() != remote.getClass()) {
                Field field = webSocketField(remote.getClass());
                if (field == null) {
                    switchOff("the server's WebSocket implementation (" + remote.getClass().getName()
                            + ") is not Tyrus", null);
                    return null;
                }
                found = new Raw(remote.getClass(), field,
                        field.getType().getMethod("sendRawFrame", ByteBuffer.class));
                raw = found;
            }
            Object written = found.sendRaw().invoke(found.webSocket().get(remote), frameOf(text));
            return written instanceof CompletionStage<?> stage ? stage : CompletableFuture.completedFuture(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            switchOff("Tyrus refused a pre-encoded frame", e);
            return null;
        }
    }

    /** RFC 6455, server to client: FIN, opcode 1 (text), no mask; the length in 7, 16 or 64 bits. */
    static byte[] frame(byte[] payload) {
        int n = payload.length;
        int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + n];
        frame[0] = (byte) 0x81;
        if (n < 126) {
            frame[1] = (byte) n;
        } else if (n <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, n);
        return frame;
    }

    private static ByteBuffer frameOf(String text) {
        Encoded found = cached(text);
        if (found == null) {
            found = new Encoded(text, ByteBuffer.wrap(frame(text.getBytes(StandardCharsets.UTF_8))).asReadOnlyBuffer());
            synchronized (recent) {
                recent[nextSlot] = found;
                nextSlot = (nextSlot + 1) % CACHED;
            }
        }
        return found.frame().duplicate(); // each write its own position over the shared bytes
    }

    /** The same String first (the /ws envelope is one object for all clients), then an equal one (Socket.IO's). */
    private static Encoded cached(String text) {
        synchronized (recent) {
            for (Encoded e : recent) {
                if (e != null && e.text() == text) {
                    return e;
                }
            }
            for (Encoded e : recent) {
                if (e != null && e.text().length() == text.length() && e.text().equals(text)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static Field webSocketField(Class<?> type) throws ReflectiveOperationException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.glassfish.tyrus.core.TyrusRemoteEndpoint")) {
                Field f = c.getDeclaredField("webSocket");
                f.setAccessible(true);
                return f;
            }
        }
        return null;
    }

    private static void switchOff(String why, Exception e) {
        if (!unavailable) {
            unavailable = true;
            LOG.info("Events are encoded for each WebSocket client on its own: " + why
                    + " (pre-encoded frames need Payara's Tyrus)" + (e == null ? "" : ": " + e));
        }
    }
}
