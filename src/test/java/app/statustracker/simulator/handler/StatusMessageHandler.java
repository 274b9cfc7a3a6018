package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.relay.AckFault;
import app.statustracker.simulator.relay.AddressingMode;
import app.statustracker.simulator.relay.Relay;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <message to="status@broadcast">} from a logged-in device (docs/protocol.md, Status stanza and Simulator):
 * checked as the real server is reported to check it, acked ({@code <ack class="message" from="status@broadcast" t>},
 * docs/protocol.md, Status stanza), remembered, and fanned out to every companion of every audience account except
 * the sending device. The audience is the users of all {@code <to>} entries, device entries and bare user entries
 * alike. The simulated primary (device 0) drops what it is sent. A stanza with a {@code participant} attribute is a
 * sender's retry resend to one device (whatsmeow / WA Web, docs/protocol.md, Retries) and goes to that device only.
 */
public final class StatusMessageHandler implements StanzaHandler {
    private final Relay relay;
    private final RetryResend retryResend;

    public StatusMessageHandler(Relay relay, RetryResend retryResend) {
        this.relay = relay;
        this.retryResend = retryResend;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!"message".equals(stanza.tag()) || !MessageStanzas.STATUS_BROADCAST.equals(stanza.attr("to"))) {
            return false;
        }
        Optional<DeviceAddress> sender = connection.device();
        if (sender.isEmpty() || stanza.attr("id") == null) {
            connection.refuse("status message " + (sender.isEmpty() ? "before login" : "without id"));
            return true;
        }
        if (stanza.attr("participant") != null) {
            if (!retryResend.resend(connection, sender.get(), stanza, stanza.attr("participant"))) {
                connection.refuse("retry resend of " + stanza.attr("id") + ", which is no status of this device");
                connection.send(MessageStanzas.ack(stanza.attr("id"), MessageStanzas.STATUS_BROADCAST,
                        Instant.now().getEpochSecond(), "400"));
            }
            return true;
        }
        Account account = relay.accounts().find(sender.get().phoneNumber()).orElseThrow();
        Optional<AckFault> fault = relay.settings().takeAckFault(account.phoneNumber());
        long now = Instant.now().getEpochSecond();
        Map<String, Account> audience = new LinkedHashMap<>();
        Map<DeviceAddress, Node> ownEnc = new HashMap<>();
        String checked = check(connection, stanza, audience, ownEnc);
        String refusal = fault.filter(f -> !f.dropsAck()).map(AckFault::error).orElse(checked);
        AddressingMode mode = mode(stanza);
        RelayedMessage message = new RelayedMessage(stanza.attr("id"), RelayedMessage.Kind.STATUS, sender.get(),
                mode, now, List.copyOf(audience.keySet()), stanza, refusal,
                fault.map(AckFault::dropsAck).orElse(false));
        relay.log().add(message);
        if (fault.isEmpty() || !fault.get().dropsAck()) {
            connection.send(MessageStanzas.ack(message.id(), MessageStanzas.STATUS_BROADCAST, now, refusal));
        }
        if (refusal != null) {
            relay.log().settled(message);
            return true;
        }
        List<Node> shared = MessageStanzas.shared(stanza);
        for (Account viewer : audience.values()) {
            for (RegisteredDevice device : viewer.devices()) {
                DeviceAddress address = new DeviceAddress(viewer.phoneNumber(), device.deviceId());
                if (address.equals(sender.get())) {
                    continue;
                }
                Node enc = ownEnc.get(address);
                relay.deliveries().deliver(address, MessageStanzas.statusCopy(message, account, enc, shared));
                message.delivered(address, enc == null ? null : enc.attr("type"));
            }
        }
        relay.log().settled(message);
        return true;
    }

    /**
     * Fills audience and per-device encs from the {@code <to>} entries and returns the ack error the real
     * server gives this stanza, or null [REPORTED docs/protocol.md, Status stanza: 479 for addressing_mode on a
     * status, for a PN-addressed status of a LID-migrated account and for status_setting meta on a reaction; 400 for PN
     * and LID mixed]. A status without an skmsg is malformed here (400, UNCERTAIN on the real server).
     */
    private String check(SimConnection connection, Node stanza, Map<String, Account> audience,
                         Map<DeviceAddress, Node> ownEnc) {
        boolean pn = false;
        boolean lid = false;
        for (Node to : stanza.child("participants").map(Node::children).orElse(List.of())) {
            Optional<Jid> jid = "to".equals(to.tag()) ? Jid.tryParse(to.attr("jid")) : Optional.empty();
            if (jid.isEmpty()) {
                continue;
            }
            pn |= jid.get().isPhoneNumber();
            lid |= jid.get().isLid();
            Optional<Account> user = relay.accounts().resolve(jid.get());
            user.ifPresent(found -> {
                audience.putIfAbsent(found.phoneNumber(), found);
                to.child("enc").ifPresent(enc -> ownEnc.put(
                        new DeviceAddress(found.phoneNumber(), jid.get().device()), enc));
            });
        }
        String reason = null;
        String code = "479";
        if (stanza.attr("addressing_mode") != null) {
            reason = "addressing_mode on a status";
        } else if (pn && lid) {
            reason = "PN and LID <to> entries mixed";
            code = "400";
        } else if (pn && !relay.settings().acceptPnAddressedStatus()) {
            reason = "PN-addressed status from a LID-migrated account";
        } else if ("reaction".equals(stanza.attr("type")) && stanza.child("meta")
                .map(meta -> meta.attr("status_setting") != null).orElse(false)) {
            reason = "status_setting meta on a reaction";
        } else if (stanza.children("enc").stream().noneMatch(enc -> "skmsg".equals(enc.attr("type")))) {
            reason = "status without <enc type=\"skmsg\">";
            code = "400";
        }
        if (reason == null) {
            return null;
        }
        connection.refuse("status " + stanza.attr("id") + " refused with " + code + ": " + reason);
        return code;
    }

    private static AddressingMode mode(Node stanza) {
        return stanza.child("participants").map(Node::children).orElse(List.of()).stream()
                .map(to -> Jid.tryParse(to.attr("jid"))).flatMap(Optional::stream)
                .anyMatch(Jid::isPhoneNumber) ? AddressingMode.PN : AddressingMode.LID;
    }
}
