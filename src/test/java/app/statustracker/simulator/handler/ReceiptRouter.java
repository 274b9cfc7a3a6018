package app.statustracker.simulator.handler;

import app.statustracker.simulator.relay.AddressingMode;
import app.statustracker.simulator.relay.ReceiptShape;
import app.statustracker.simulator.relay.Relay;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.relay.RelayedReceipt;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Takes a viewer's receipt about statuses to the poster's devices (docs/protocol.md, Receipts and Simulator), in the
 * shape the settings name, and a retry receipt to the one device that sent the status (docs/protocol.md, Retries).
 * Every companion of the poster gets the receipt (queued while offline); the primary phone is simulated and drops it.
 */
public final class ReceiptRouter {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Relay relay;

    public ReceiptRouter(Relay relay) {
        this.relay = relay;
    }

    /**
     * Shape A: {@code <receipt from="status@broadcast" participant=<viewer user> [participant_pn] id t [type]>}
     * with the other ids in {@code <list><item id/></list>}. Shape B: per status {@code <receipt
     * from="status@broadcast" id=<opaque> t><participants message_id><user jid t type [participant_pn]/>}.
     * The viewer is named in the status' addressing mode. One record per status id.
     */
    public List<RelayedReceipt> toPoster(List<RelayedMessage> statuses, Account viewer, DeviceAddress viewerDevice,
                                         String type, long time, boolean injected) {
        RelayedMessage first = statuses.get(0);
        Account poster = relay.accounts().find(first.sender().phoneNumber()).orElseThrow();
        AddressingMode mode = first.mode();
        ReceiptShape shape = relay.settings().receiptShape();
        List<RelayedReceipt> records = new ArrayList<>();
        if (shape == ReceiptShape.PER_VIEWER) {
            NodeBuilder receipt = viewerAttributes(Node.builder("receipt").attr("from", MessageStanzas.STATUS_BROADCAST)
                    .attr("participant", mode.userJid(viewer)), viewer, mode)
                    .attr("id", first.id()).attr("t", Long.toString(time));
            if (type != null) {
                receipt.attr("type", type);
            }
            if (statuses.size() > 1) {
                receipt.children(Node.builder("list").children(statuses.subList(1, statuses.size()).stream()
                        .map(status -> Node.builder("item").attr("id", status.id()).build()).toList()).build());
            }
            List<DeviceAddress> delivered = deliverToAll(poster, receipt.build());
            statuses.forEach(status -> records.add(new RelayedReceipt(status.id(), viewerDevice, mode.userJid(viewer),
                    type, time, shape, injected, first.id(), delivered)));
        } else {
            for (RelayedMessage status : statuses) {
                String stanzaId = "SAGR" + HexFormat.of().withUpperCase().formatHex(randomBytes());
                Node user = viewerAttributes(Node.builder("user").attr("jid", mode.userJid(viewer))
                        .attr("t", Long.toString(time)).attr("type", type == null ? "delivery" : type), viewer, mode)
                        .build();
                Node receipt = Node.builder("receipt").attr("from", MessageStanzas.STATUS_BROADCAST)
                        .attr("id", stanzaId).attr("t", Long.toString(time))
                        .children(Node.builder("participants").attr("message_id", status.id()).children(user).build())
                        .build();
                records.add(new RelayedReceipt(status.id(), viewerDevice, mode.userJid(viewer), type, time, shape,
                        injected, stanzaId, deliverToAll(poster, receipt)));
            }
        }
        records.forEach(relay.log()::add);
        return records;
    }

    /**
     * {@code <receipt from="status@broadcast" participant=<viewer device> [participant_pn] id type="retry">}
     * with the viewer's children ({@code <retry>}, {@code <registration>}, {@code <keys>}) to the sending
     * device only (UNCERTAIN exact server rewrite, docs/protocol.md, Retries).
     */
    public RelayedReceipt retryToSender(RelayedMessage status, Account viewer, DeviceAddress viewerDevice,
                                        Node retry, long time) {
        AddressingMode mode = status.mode();
        NodeBuilder receipt = Node.builder("receipt").attr("from", MessageStanzas.STATUS_BROADCAST)
                .attr("participant", mode.deviceJid(viewer, viewerDevice.deviceId()));
        if (mode == AddressingMode.LID) {
            receipt.attr("participant_pn", viewer.pnJid(viewerDevice.deviceId()));
        }
        receipt.attr("id", status.id()).attr("type", "retry").attr("t", Long.toString(time))
                .children(retry.children());
        relay.deliveries().deliver(status.sender(), receipt.build());
        RelayedReceipt record = new RelayedReceipt(status.id(), viewerDevice,
                mode.deviceJid(viewer, viewerDevice.deviceId()), "retry", time, ReceiptShape.PER_VIEWER, false,
                status.id(), List.of(status.sender()));
        relay.log().add(record);
        return record;
    }

    private static NodeBuilder viewerAttributes(NodeBuilder node, Account viewer, AddressingMode mode) {
        return mode == AddressingMode.LID ? node.attr("participant_pn", viewer.pnJid()) : node;
    }

    private List<DeviceAddress> deliverToAll(Account poster, Node receipt) {
        List<DeviceAddress> delivered = new ArrayList<>();
        for (RegisteredDevice device : poster.devices()) {
            DeviceAddress address = new DeviceAddress(poster.phoneNumber(), device.deviceId());
            relay.deliveries().deliver(address, receipt);
            delivered.add(address);
        }
        return delivered;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
