package app.statustracker.wa.status;

import app.statustracker.wa.binary.Node;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's {@code <ack class="message" id from t [error] [phash] [server_id]/>} for a message we sent
 * (docs/protocol.md, Status stanza). Any {@code error} means the message was not accepted (479 smax-invalid, 463, 400
 * …).
 */
public record MessageAck(String id, Optional<Instant> serverTime, Optional<String> error, Optional<String> phash) {
    public MessageAck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serverTime, "serverTime");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(phash, "phash");
    }

    /** True for {@code <ack class="message" id>}, the only acks that answer our messages. */
    public static boolean matches(Node node) {
        return "ack".equals(node.tag()) && "message".equals(node.attr("class")) && node.attr("id") != null;
    }

    public static MessageAck of(Node ack) {
        Optional<Instant> time = Optional.ofNullable(ack.attr("t")).flatMap(t -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        return new MessageAck(ack.attr("id"), time, Optional.ofNullable(ack.attr("error")),
                Optional.ofNullable(ack.attr("phash")));
    }

    public boolean isError() {
        return error.isPresent();
    }
}
