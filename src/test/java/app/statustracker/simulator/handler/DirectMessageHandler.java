package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.relay.AckFault;
import app.statustracker.simulator.relay.AddressingMode;
import app.statustracker.simulator.relay.Relay;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <message to=<user or device JID>>} (docs/protocol.md, Simulator): first Baileys' status retry resend,
 * addressed to the viewer device (docs/protocol.md, Retries, mapped back to a status by {@link RetryResend});
 * otherwise a 1:1 message, acked and handed to each registered device named by a {@code <participants><to jid>} entry
 * (or, with a bare
 * {@code <enc>} child, to the device the stanza is addressed to), {@code from} = the sender device.
 */
public final class DirectMessageHandler implements StanzaHandler {
    private final Relay relay;
    private final RetryResend retryResend;

    public DirectMessageHandler(Relay relay, RetryResend retryResend) {
        this.relay = relay;
        this.retryResend = retryResend;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        Optional<Jid> to = "message".equals(stanza.tag()) ? Jid.tryParse(stanza.attr("to")) : Optional.empty();
        if (to.isEmpty() || !(to.get().isPhoneNumber() || to.get().isLid())) {
            return false;
        }
        Optional<DeviceAddress> sender = connection.device();
        if (sender.isEmpty() || stanza.attr("id") == null) {
            connection.refuse("message " + (sender.isEmpty() ? "before login" : "without id"));
            return true;
        }
        if (retryResend.resend(connection, sender.get(), stanza, stanza.attr("to"))) {
            return true;
        }
        Account account = relay.accounts().find(sender.get().phoneNumber()).orElseThrow();
        Optional<AckFault> fault = relay.settings().takeAckFault(account.phoneNumber());
        Map<DeviceAddress, Node> recipients = recipients(stanza, to.get());
        List<String> audience = recipients.keySet().stream().map(DeviceAddress::phoneNumber).distinct().toList();
        long now = Instant.now().getEpochSecond();
        String error = fault.map(AckFault::error).orElse(null);
        RelayedMessage message = new RelayedMessage(stanza.attr("id"), RelayedMessage.Kind.DIRECT, sender.get(),
                AddressingMode.of(to.get()), now, audience, stanza, error,
                fault.map(AckFault::dropsAck).orElse(false));
        relay.log().add(message);
        if (fault.isEmpty() || !fault.get().dropsAck()) {
            connection.send(MessageStanzas.ack(message.id(), stanza.attr("to"), now, error));
        }
        if (error != null) {
            relay.log().settled(message);
            return true;
        }
        List<Node> shared = new ArrayList<>(stanza.children("device-identity"));
        String destination = to.get().withoutDevice().toString();
        recipients.forEach((device, enc) -> {
            boolean own = device.phoneNumber().equals(account.phoneNumber());
            if (!device.equals(sender.get())) {
                relay.deliveries().deliver(device,
                        MessageStanzas.directCopy(message, account, destination, own, enc, shared));
                message.delivered(device, enc.attr("type"));
            }
        });
        relay.log().settled(message);
        return true;
    }

    /** Registered companion devices with the {@code <enc>} meant for each; device 0 (the phone) drops its copy. */
    private Map<DeviceAddress, Node> recipients(Node stanza, Jid to) {
        Map<DeviceAddress, Node> recipients = new LinkedHashMap<>();
        for (Node entry : stanza.child("participants").map(Node::children).orElse(List.of())) {
            Optional<Jid> jid = Jid.tryParse(entry.attr("jid"));
            Optional<Node> enc = entry.child("enc");
            if (jid.isPresent() && enc.isPresent()) {
                addIfRegistered(recipients, jid.get(), enc.get());
            }
        }
        stanza.child("enc").ifPresent(enc -> addIfRegistered(recipients, to, enc));
        return recipients;
    }

    private void addIfRegistered(Map<DeviceAddress, Node> recipients, Jid jid, Node enc) {
        relay.accounts().resolve(jid).filter(account -> account.device(jid.device()).isPresent())
                .ifPresent(account -> recipients.put(new DeviceAddress(account.phoneNumber(), jid.device()), enc));
    }
}
