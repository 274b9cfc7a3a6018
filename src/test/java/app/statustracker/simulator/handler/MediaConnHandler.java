package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.media.MediaHost;
import app.statustracker.simulator.media.MediaHostSettings;
import app.statustracker.wa.binary.Node;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code <iq xmlns="w:m" type="set"><media_conn/></iq>} (docs/protocol.md, Media) gets the media host's current
 * auth, the configured {@code ttl} / {@code auth_ttl}, {@code max_buckets} and one {@code <host>} naming the host
 * with its port. All four attributes are always there because whatsmeow refuses an answer missing any of them.
 * Queries are counted so that tests can tell whether a client reused its cached answer.
 */
public final class MediaConnHandler implements StanzaHandler {
    private final MediaHost host;
    private final MediaHostSettings settings;
    private final AtomicInteger queries = new AtomicInteger();

    public MediaConnHandler(MediaHost host, MediaHostSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!Stanzas.isQuery(stanza, "set", "w:m", "media_conn")) {
            return false;
        }
        connection.send(answer(stanza));
        return true;
    }

    /** The result iq for {@code request}; counts as one query. */
    public Node answer(Node request) {
        queries.incrementAndGet();
        Node conn = Node.builder("media_conn")
                .attr("auth", host.auth())
                .attr("ttl", Long.toString(settings.ttl().toSeconds()))
                .attr("auth_ttl", Long.toString(settings.authTtl().toSeconds()))
                .attr("max_buckets", Integer.toString(settings.maxBuckets()))
                .children(Node.builder("host").attr("hostname", host.hostname()).build())
                .build();
        return Node.builder("iq").attr("from", Stanzas.SERVER).attr("type", "result")
                .attr("id", request.attr("id", "")).children(conn).build();
    }

    /** media_conn queries answered so far, on every connection. */
    public int queries() {
        return queries.get();
    }
}
