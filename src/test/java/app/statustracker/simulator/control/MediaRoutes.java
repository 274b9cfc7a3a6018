package app.statustracker.simulator.control;

import static app.statustracker.simulator.control.HttpJson.reply;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.media.StoredUpload;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * Control routes of the media host: what was uploaded (and how often it was fetched since), and rotating the
 * upload auth so that a client's cached media_conn goes stale. See {@link ControlHttpServer}.
 */
final class MediaRoutes {
    private final WaSimulator simulator;

    MediaRoutes(WaSimulator simulator) {
        this.simulator = simulator;
    }

    /** Answers the request and returns true, or returns false when the path is not one of these routes. */
    boolean route(HttpExchange exchange, String method, String path) throws IOException {
        switch (method + " " + path) {
            case "GET /media" -> reply(exchange, 200, Json.createObjectBuilder()
                    .add("host", simulator.mediaHostname())
                    .add("caFile", simulator.mediaCaFile().toString())
                    .add("auth", simulator.mediaHost().auth())
                    .add("mediaConnQueries", simulator.mediaConnQueries()).build());
            case "GET /media/uploads" -> {
                JsonArrayBuilder list = Json.createArrayBuilder();
                simulator.mediaUploads().forEach(upload -> list.add(upload(upload)));
                reply(exchange, 200, list.build());
            }
            case "POST /media/rotate-auth" -> reply(exchange, 200,
                    Json.createObjectBuilder().add("auth", simulator.rotateMediaAuth()).build());
            default -> {
                return false;
            }
        }
        return true;
    }

    private JsonObject upload(StoredUpload upload) {
        var json = Json.createObjectBuilder()
                .add("type", upload.type())
                .add("token", upload.token())
                .add("size", upload.size())
                .add("sha256", upload.sha256Hex())
                .add("directPath", upload.directPath())
                .add("downloads", simulator.mediaHost().downloads(upload.directPath()));
        if (upload.origin() != null) {
            json.add("origin", upload.origin());
        }
        return json.build();
    }
}
