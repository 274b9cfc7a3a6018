package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.relay.Relay;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A poster's answer to a retry receipt (docs/protocol.md, Retries): the status again, encrypted for one viewer
 * device. whatsmeow and WA Web send it to status@broadcast with {@code participant=<viewer device>}; Baileys rc14
 * sends it to the viewer device JID like a 1:1 message. Either way the viewer must get it as the status it retries:
 * {@code from="status@broadcast" participant=<poster device>}, with the original {@code t}.
 */
public final class RetryResend {
    private final Relay relay;

    public RetryResend(Relay relay) {
        this.relay = relay;
    }

    /** Delivers the resend and acks it; false (nothing sent) when the id is no status this device posted. */
    public boolean resend(SimConnection connection, DeviceAddress sender, Node stanza, String targetJid) {
        Optional<RelayedMessage> original = relay.log().find(stanza.attr("id"))
                .filter(found -> found.kind() == RelayedMessage.Kind.STATUS && found.sender().equals(sender));
        Optional<Jid> target = Jid.tryParse(targetJid);
        Optional<Account> viewer = target.flatMap(relay.accounts()::resolve);
        if (original.isEmpty() || viewer.isEmpty() || viewer.get().device(target.get().device()).isEmpty()) {
            return false;
        }
        Account poster = relay.accounts().find(sender.phoneNumber()).orElseThrow();
        DeviceAddress device = new DeviceAddress(viewer.get().phoneNumber(), target.get().device());
        RelayedMessage resend = new RelayedMessage(original.get().id(), RelayedMessage.Kind.RETRY_RESEND, sender,
                original.get().mode(), original.get().serverTime(), List.of(device.phoneNumber()), stanza, null,
                false);
        relay.log().add(resend);
        connection.send(MessageStanzas.ack(resend.id(), stanza.attr("to"), Instant.now().getEpochSecond(), null));
        relay.deliveries().deliver(device,
                MessageStanzas.statusCopy(resend, poster, null, MessageStanzas.shared(stanza)));
        resend.delivered(device, stanza.child("enc").map(enc -> enc.attr("type")).orElse(null));
        relay.log().settled(resend);
        return true;
    }
}
