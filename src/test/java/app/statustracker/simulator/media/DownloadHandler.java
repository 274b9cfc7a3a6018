package app.statustracker.simulator.media;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;

/**
 * {@code GET <directPath>}: the stored file, matched on the path alone because clients rebuild the query string
 * differently (Baileys keeps the direct path's, others add {@code mms3}). 404 for unknown paths; a single
 * {@code Range} gets 206 with that slice. Downloads are anonymous, as on the real hosts: the media key in the
 * message is what protects the file.
 */
final class DownloadHandler {
    private final MediaHost host;

    DownloadHandler(MediaHost host) {
        this.host = host;
    }

    void handle(HttpExchange exchange) throws IOException {
        Optional<StoredUpload> found = host.upload(exchange.getRequestURI().getPath());
        if (found.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        StoredUpload upload = found.get();
        long size = upload.size();
        Optional<ByteRange> range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (range.isPresent() && range.get().unsatisfiable(size)) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        range.ifPresent(r -> exchange.getResponseHeaders().set("Content-Range",
                "bytes " + r.first() + "-" + r.last() + "/" + size));
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        // -1 tells the JDK server "no body" (HEAD); otherwise the exact length, so no chunked encoding
        exchange.sendResponseHeaders(range.isPresent() ? 206 : 200, head ? -1 : (length == 0 ? -1 : length));
        if (head) {
            return;
        }
        host.served(upload);
        try (InputStream in = Files.newInputStream(upload.file()); OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(first);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }
}
