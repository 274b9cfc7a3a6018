package app.statustracker.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Reading JSON request bodies and writing JSON answers on the control port. */
final class HttpJson {
    private HttpJson() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonObject body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            return text.isBlank() ? Json.createObjectBuilder().build()
                    : Json.createReader(new StringReader(text)).readObject();
        }
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }

    static JsonObject empty() {
        return Json.createObjectBuilder().build();
    }

    static void reply(HttpExchange exchange, int status, JsonStructure json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
