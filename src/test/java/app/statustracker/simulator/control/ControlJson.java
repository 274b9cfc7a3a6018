package app.statustracker.simulator.control;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.testing.NodeJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** JSON views of simulator state for the control port. Nodes use the Baileys driver's JSON form. */
final class ControlJson {
    private ControlJson() {
    }

    static JsonObject connection(SimConnection connection) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", connection.id())
                .add("stage", connection.stage().name())
                .add("open", connection.isOpen())
                .add("closeCode", connection.closeCode());
        connection.payload().ifPresent(payload -> {
            json.add("payloadKind", payload.isRegistration() ? "registration" : "login");
            if (payload.payload().hasUsername()) {
                json.add("username", Long.toUnsignedString(payload.payload().getUsername()));
                json.add("device", payload.payload().getDevice());
            }
        });
        connection.failure().ifPresent(failure -> json.add("failure", failure));
        return json.build();
    }

    static JsonObject stanza(SeenStanza seen) {
        return Json.createObjectBuilder()
                .add("sequence", seen.sequence())
                .add("connectionId", seen.connectionId())
                .add("direction", seen.direction().name())
                .add("at", seen.at().toString())
                .add("node", NodeJson.toJson(seen.node()))
                .build();
    }
}
