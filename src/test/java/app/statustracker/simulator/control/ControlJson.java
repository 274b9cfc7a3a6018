package app.statustracker.simulator.control;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.pairing.PairingAttempt;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.testing.NodeJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HexFormat;

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
        connection.device().ifPresent(device -> json.add("loggedInAs", device.pnJid()));
        JsonArrayBuilder refusals = Json.createArrayBuilder();
        connection.refusals().forEach(refusals::add);
        return json.add("refusals", refusals).build();
    }

    static JsonObject attempt(PairingAttempt attempt) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", attempt.id())
                .add("method", attempt.method().name())
                .add("phoneNumber", attempt.phoneNumber())
                .add("connectionId", attempt.connectionId())
                .add("state", attempt.state().name())
                .add("deviceId", attempt.deviceId());
        attempt.rejection().ifPresent(reason -> json.add("rejection", reason));
        return json.build();
    }

    static JsonObject account(Account account, WaSimulator simulator) {
        JsonArrayBuilder devices = Json.createArrayBuilder();
        for (RegisteredDevice device : account.devices()) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("deviceId", device.deviceId())
                    .add("jid", account.pnJid(device.deviceId()))
                    .add("lid", account.lidJid(device.deviceId()))
                    .add("keyIndex", device.keyIndex())
                    .add("registrationId", device.registrationId())
                    .add("noiseKey", HexFormat.of().formatHex(device.noiseKey()))
                    .add("preKeyCount", device.preKeys().count());
            if (device.identityKey() != null) {
                json.add("identityKey", HexFormat.of().formatHex(device.identityKey()));
            }
            simulator.onlineConnection(account.phoneNumber(), device.deviceId())
                    .ifPresent(connection -> json.add("connectionId", connection.id()));
            devices.add(json);
        }
        return Json.createObjectBuilder()
                .add("phoneNumber", account.phoneNumber())
                .add("lid", account.lidJid(0))
                .add("identityKey", HexFormat.of().formatHex(account.identityKey().publicKey()))
                .add("devices", devices)
                .build();
    }

    static JsonObject preKeys(RegisteredDevice device) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        device.preKeys().oneTimeKeys().forEach(key -> ids.add(key.id()));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("count", device.preKeys().count())
                .add("uploads", device.preKeys().uploads())
                .add("ids", ids);
        device.preKeys().signedPreKey().ifPresent(signed -> json.add("signedPreKey", Json.createObjectBuilder()
                .add("id", signed.id()).add("publicKey", HexFormat.of().formatHex(signed.publicKey()))));
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
