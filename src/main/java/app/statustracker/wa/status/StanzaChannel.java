package app.statustracker.wa.status;

import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The two things a status poster does on a logged-in connection: ask the server (an iq) and send a message whose
 * server ack it awaits. The client's session provides it; tests script it.
 */
public interface StanzaChannel {

    /** Sends an iq and completes with the server's result or error iq. */
    CompletableFuture<Node> query(Node iq);

    /**
     * Sends a {@code <message>} and completes with the server's {@code <ack class="message">} of its id, or fails
     * with a {@link java.util.concurrent.TimeoutException} when none comes within {@code ackTimeout}.
     */
    CompletableFuture<MessageAck> sendMessage(Node message, Duration ackTimeout);
}
