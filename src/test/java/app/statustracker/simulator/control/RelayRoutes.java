package app.statustracker.simulator.control;

import static app.statustracker.simulator.control.HttpJson.body;
import static app.statustracker.simulator.control.HttpJson.empty;
import static app.statustracker.simulator.control.HttpJson.error;
import static app.statustracker.simulator.control.HttpJson.reply;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.relay.AckFault;
import app.statustracker.simulator.relay.RelayedMessage;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control routes of the message relay: settings (receipt shape, PN-addressed statuses), the message and
 * receipt log, injected receipts, ack faults, push names and what a device is still owed. See
 * {@link ControlHttpServer} and docs/simulator-control.md.
 */
final class RelayRoutes {
    private static final Pattern MESSAGE = Pattern.compile("^/messages/([^/]+)(/receipts|/await)?$");
    private static final Pattern ACCOUNT = Pattern.compile("^/accounts/(\\d+)/(push-name|ack-faults)$");
    private static final Pattern PENDING = Pattern.compile("^/accounts/(\\d+)/devices/(\\d+)/pending$");

    private final WaSimulator simulator;

    RelayRoutes(WaSimulator simulator) {
        this.simulator = simulator;
    }

    /** Answers the request and returns true, or returns false when the path is not one of these routes. */
    boolean route(HttpExchange exchange, String method, String path) throws IOException {
        Matcher message = MESSAGE.matcher(path);
        Matcher account = ACCOUNT.matcher(path);
        Matcher pending = PENDING.matcher(path);
        if ("/relay-settings".equals(path)) {
            onSettings(exchange, method);
        } else if ("GET".equals(method) && "/messages".equals(path)) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            simulator.relayedMessages().forEach(found -> list.add(RelayJson.message(found, null)));
            reply(exchange, 200, list.build());
        } else if (message.matches()) {
            onMessage(exchange, method, message.group(1), Optional.ofNullable(message.group(2)).orElse(""));
        } else if (account.matches()) {
            onAccount(exchange, method, account.group(1), account.group(2));
        } else if (pending.matches() && "GET".equals(method)) {
            simulator.account(pending.group(1));
            reply(exchange, 200, RelayJson.pending(
                    simulator.pendingStanzas(pending.group(1), Integer.parseInt(pending.group(2)))));
        } else {
            return false;
        }
        return true;
    }

    private void onSettings(HttpExchange exchange, String method) throws IOException {
        if ("POST".equals(method)) {
            JsonObject settings = body(exchange);
            if (settings.containsKey("receiptShape")) {
                simulator.receiptShape(RelayJson.shape(settings.getString("receiptShape")));
            }
            if (settings.containsKey("acceptPnAddressedStatus")) {
                simulator.acceptPnAddressedStatus(settings.getBoolean("acceptPnAddressedStatus"));
            }
        } else if (!"GET".equals(method)) {
            reply(exchange, 404, error("no route " + method + " /relay-settings"));
            return;
        }
        reply(exchange, 200, Json.createObjectBuilder()
                .add("receiptShape", simulator.receiptShape().name())
                .add("acceptPnAddressedStatus", simulator.acceptsPnAddressedStatus()).build());
    }

    private void onMessage(HttpExchange exchange, String method, String id, String action) throws IOException {
        switch (method + " " + action) {
            case "GET " -> reply(exchange, 200,
                    RelayJson.message(simulator.relayedMessage(id), simulator.receipts(id)));
            case "GET /receipts" -> {
                JsonArrayBuilder list = Json.createArrayBuilder();
                simulator.receipts(id).forEach(receipt -> list.add(RelayJson.receipt(receipt)));
                reply(exchange, 200, list.build());
            }
            case "POST /receipts" -> {
                JsonObject request = body(exchange);
                long time = request.containsKey("t") ? request.getJsonNumber("t").longValue()
                        : Instant.now().getEpochSecond();
                if (request.containsKey("viewers")) {
                    // many viewers in one request: benchmarks inject tens of thousands of receipts
                    var viewers = request.getJsonArray("viewers").getValuesAs(jakarta.json.JsonString.class);
                    viewers.forEach(viewer -> simulator.injectReceipt(id, viewer.getString(),
                            request.getString("type", null), time));
                    reply(exchange, 200, Json.createObjectBuilder().add("injected", viewers.size()).build());
                } else {
                    reply(exchange, 200, RelayJson.receipt(simulator.injectReceipt(id, request.getString("viewer"),
                            request.getString("type", null), time)));
                }
            }
            case "POST /await" -> {
                Optional<RelayedMessage> found = simulator.awaitRelayedMessage(id,
                        Duration.ofMillis(body(exchange).getJsonNumber("timeoutMillis").longValue()));
                if (found.isPresent()) {
                    reply(exchange, 200, RelayJson.message(found.get(), simulator.receipts(id)));
                } else {
                    reply(exchange, 408, error("no message " + id + " in time"));
                }
            }
            default -> reply(exchange, 404, error("no route " + method + " /messages/" + id + action));
        }
    }

    private void onAccount(HttpExchange exchange, String method, String phone, String action) throws IOException {
        simulator.account(phone);
        switch (method + " " + action) {
            case "POST push-name" -> {
                simulator.setPushName(phone, body(exchange).getString("name", null));
                reply(exchange, 200, empty());
            }
            case "POST ack-faults" -> {
                JsonObject request = body(exchange);
                AckFault fault = request.getBoolean("drop", false) ? AckFault.drop()
                        : AckFault.error(request.getString("error"));
                simulator.faultMessageAcks(phone, fault, request.getInt("count", 1));
                reply(exchange, 200, empty());
            }
            case "DELETE ack-faults" -> {
                simulator.clearAckFaults(phone);
                reply(exchange, 200, empty());
            }
            default -> reply(exchange, 404, error("no route " + method + " /accounts/" + phone + "/" + action));
        }
    }
}
