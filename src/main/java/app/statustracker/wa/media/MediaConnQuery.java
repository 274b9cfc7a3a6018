package app.statustracker.wa.media;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <iq xmlns="w:m" type="set" to="s.whatsapp.net"><media_conn/></iq>} and its answer (docs/protocol.md,
 * Media). The answer is read as strictly as whatsmeow reads it (mediaconn.go): {@code auth}, {@code ttl},
 * {@code auth_ttl}, {@code max_buckets} and at least one {@code host hostname} must be there.
 */
public final class MediaConnQuery {
    private MediaConnQuery() {
    }

    public static Node build() {
        return Node.builder("iq").attr("xmlns", "w:m").attr("type", "set").attr("to", Jid.SERVER)
                .children(Node.of("media_conn")).build();
    }

    /** @param answer the {@code result} iq; an error iq must have been turned away by the caller */
    public static MediaConn parse(Node answer, Instant now) throws MalformedNodeException {
        Node conn = answer.requireChild("media_conn");
        String auth = conn.requireAttr("auth");
        if (auth.isEmpty()) {
            throw new MalformedNodeException("media_conn has an empty auth token");
        }
        Duration ttl = Duration.ofSeconds(seconds(conn, "ttl"));
        Duration authTtl = Duration.ofSeconds(seconds(conn, "auth_ttl"));
        int maxBuckets = (int) seconds(conn, "max_buckets");
        List<String> hosts = new ArrayList<>();
        for (Node host : conn.children("host")) {
            String name = host.requireAttr("hostname");
            if (!name.isEmpty()) {
                hosts.add(name);
            }
        }
        if (hosts.isEmpty()) {
            throw new MalformedNodeException("media_conn names no media host");
        }
        return new MediaConn(auth, ttl, authTtl, maxBuckets, hosts, now);
    }

    private static long seconds(Node conn, String key) throws MalformedNodeException {
        String raw = conn.requireAttr(key);
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw new MalformedNodeException("media_conn " + key + " is negative: " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MalformedNodeException("media_conn " + key + " is not a number: " + raw);
        }
    }
}
