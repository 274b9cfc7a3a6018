package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.relay.Relay;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A viewer device's {@code <receipt to="status@broadcast">} (docs/protocol.md, Receipts and Simulator): acked to the
 * viewer ({@code <ack class="receipt" id from [type]/>}), then each id ({@code id} and {@code <list><item id>}) is
 * looked up and checked against {@code participant} (the poster's device JID for delivery, its user JID for
 * read). Delivery (no type), {@code inactive}, {@code read} and {@code played} go to every device of the
 * poster; {@code retry} goes to the device that sent the status; {@code read-self}/{@code played-self} stay
 * with the viewer (UNCERTAIN for status, docs/protocol.md, Receipts). Receipts in 1:1 chats are only acked. Any
 * receipt also acknowledges the named messages to the server (Baileys sends no separate ack for a decrypted message).
 */
public final class ReceiptHandler implements StanzaHandler {
    private static final Set<String> FORWARDED = Set.of("inactive", "read", "played");

    private final Relay relay;
    private final ReceiptRouter router;

    public ReceiptHandler(Relay relay, ReceiptRouter router) {
        this.relay = relay;
        this.router = router;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!"receipt".equals(stanza.tag())) {
            return false;
        }
        Optional<DeviceAddress> viewerDevice = connection.device();
        if (viewerDevice.isEmpty() || stanza.attr("id") == null) {
            connection.refuse("receipt " + (viewerDevice.isEmpty() ? "before login" : "without id"));
            return true;
        }
        NodeBuilder ack = Node.builder("ack").attr("class", "receipt").attr("id", stanza.attr("id"))
                .attr("from", stanza.attr("to", Stanzas.SERVER));
        if (stanza.attr("type") != null) {
            ack.attr("type", stanza.attr("type"));
        }
        connection.send(ack.build());
        relay.deliveries().receiptFor(viewerDevice.get(), ids(stanza));
        if (!MessageStanzas.STATUS_BROADCAST.equals(stanza.attr("to"))) {
            return true;
        }
        Account viewer = relay.accounts().find(viewerDevice.get().phoneNumber()).orElseThrow();
        String type = stanza.attr("type");
        long time = Optional.ofNullable(stanza.attr("t")).filter(t -> t.matches("\\d{1,12}")).map(Long::parseLong)
                .orElse(Instant.now().getEpochSecond());
        List<RelayedMessage> statuses = statuses(connection, stanza);
        if ("retry".equals(type)) {
            statuses.stream().findFirst().ifPresent(status ->
                    router.retryToSender(status, viewer, viewerDevice.get(), stanza, time));
        } else if (type == null || FORWARDED.contains(type)) {
            Map<DeviceAddress, List<RelayedMessage>> byPoster = new LinkedHashMap<>();
            statuses.forEach(status -> byPoster.computeIfAbsent(status.sender(), p -> new ArrayList<>()).add(status));
            byPoster.values().forEach(group -> router.toPoster(group, viewer, viewerDevice.get(), type, time, false));
        }
        return true;
    }

    /** {@code id} and every {@code <list><item id>}. */
    private static List<String> ids(Node receipt) {
        List<String> ids = new ArrayList<>(List.of(receipt.attr("id")));
        receipt.child("list").ifPresent(list -> list.children("item").stream()
                .map(item -> item.attr("id")).filter(id -> id != null).forEach(ids::add));
        return ids;
    }

    /** The statuses the receipt names whose poster is the receipt's {@code participant}; others are refused. */
    private List<RelayedMessage> statuses(SimConnection connection, Node receipt) {
        Optional<String> participant = Optional.ofNullable(receipt.attr("participant"))
                .flatMap(relay.accounts()::resolve).map(Account::phoneNumber);
        List<RelayedMessage> found = new ArrayList<>();
        for (String id : ids(receipt)) {
            Optional<RelayedMessage> status = relay.log().find(id)
                    .filter(message -> message.kind() == RelayedMessage.Kind.STATUS);
            if (status.isEmpty()) {
                connection.refuse("receipt for unknown status " + id);
            } else if (!participant.equals(Optional.of(status.get().sender().phoneNumber()))) {
                connection.refuse("receipt for " + id + " names participant " + receipt.attr("participant")
                        + ", not its poster");
            } else {
                found.add(status.get());
            }
        }
        return found;
    }
}
