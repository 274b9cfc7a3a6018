package app.statustracker.simulator.control;

import app.statustracker.simulator.delivery.PendingStanza;
import app.statustracker.simulator.relay.ReceiptShape;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.relay.RelayedReceipt;
import app.statustracker.testing.NodeJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** JSON views of relayed messages, routed receipts and owed stanzas for the control port. */
final class RelayJson {
    private RelayJson() {
    }

    static JsonObject message(RelayedMessage message, List<RelayedReceipt> receipts) {
        JsonArrayBuilder audience = Json.createArrayBuilder();
        message.audience().forEach(audience::add);
        JsonArrayBuilder deliveries = Json.createArrayBuilder();
        message.deliveries().forEach(delivery -> {
            JsonObjectBuilder json = Json.createObjectBuilder().add("device", delivery.device().pnJid());
            if (delivery.encType() != null) {
                json.add("encType", delivery.encType());
            }
            deliveries.add(json);
        });
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", message.id())
                .add("kind", message.kind().name())
                .add("sender", message.sender().pnJid())
                .add("mode", message.mode().name())
                .add("serverTime", message.serverTime())
                .add("audience", audience)
                .add("ackDropped", message.ackDropped())
                .add("deliveries", deliveries);
        optional(json, "type", message.type());
        optional(json, "edit", message.edit());
        optional(json, "ackError", message.ackError());
        if (receipts != null) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            receipts.forEach(receipt -> list.add(receipt(receipt)));
            json.add("receipts", list);
        }
        return json.build();
    }

    static JsonObject receipt(RelayedReceipt receipt) {
        JsonArrayBuilder delivered = Json.createArrayBuilder();
        receipt.deliveredTo().forEach(device -> delivered.add(device.pnJid()));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("messageId", receipt.messageId())
                .add("viewer", receipt.viewer().pnJid())
                .add("viewerJid", receipt.viewerJid())
                .add("t", receipt.time())
                .add("shape", receipt.shape().name())
                .add("injected", receipt.injected())
                .add("stanzaId", receipt.stanzaId())
                .add("deliveredTo", delivered);
        optional(json, "type", receipt.type());
        return json.build();
    }

    static JsonObject pending(List<PendingStanza> pending) {
        JsonArrayBuilder stanzas = Json.createArrayBuilder();
        pending.forEach(entry -> {
            JsonObjectBuilder json = Json.createObjectBuilder().add("queued", entry.queued())
                    .add("node", NodeJson.toJson(entry.stanza()));
            optional(json, "connectionId", entry.connectionId());
            stanzas.add(json);
        });
        return Json.createObjectBuilder()
                .add("queued", (int) pending.stream().filter(PendingStanza::queued).count())
                .add("unacked", (int) pending.stream().filter(entry -> !entry.queued()).count())
                .add("stanzas", stanzas).build();
    }

    /** "A"/"PER_VIEWER" or "B"/"AGGREGATED". */
    static ReceiptShape shape(String name) {
        return switch (name) {
            case "A", "PER_VIEWER" -> ReceiptShape.PER_VIEWER;
            case "B", "AGGREGATED" -> ReceiptShape.AGGREGATED;
            default -> throw new IllegalArgumentException("receiptShape is A, B, PER_VIEWER or AGGREGATED, not " + name);
        };
    }

    private static void optional(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
