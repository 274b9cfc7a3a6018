package app.statustracker.it;

import app.statustracker.testing.ThrowawayCa;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Media files behind https://127.0.0.1:port, signed by the run's CA: the "link to a photo" a user posts. */
final class MediaLinkServer implements AutoCloseable {
    private final HttpsServer server;
    private final Map<String, byte[]> files;
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    MediaLinkServer(ThrowawayCa ca, Map<String, byte[]> files) {
        this.files = Map.copyOf(files);
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
        server.createContext("/", this::serve);
        server.start();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        fetched.add(path);
        byte[] body = files.get(path);
        int status = body == null ? 404 : 200;
        byte[] out = body == null ? "not here".getBytes() : body;
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    String url(String pathAndQuery) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<String> fetchedPaths() {
        return List.copyOf(fetched);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
