package app.statustracker.simulator.handler;

import app.statustracker.simulator.relay.AddressingMode;
import app.statustracker.simulator.relay.RelayedMessage;
import app.statustracker.simulator.state.Account;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeBuilder;
import java.util.ArrayList;
import java.util.List;

/** The server's side of message stanzas: acks to the sender and the copies delivered to devices. */
final class MessageStanzas {
    static final String STATUS_BROADCAST = "status@broadcast";

    private MessageStanzas() {
    }

    /** {@code <ack class="message" id from t [error]/>} (docs/protocol.md, Status stanza); {@code from} is where the
     * message went. */
    static Node ack(String id, String from, long time, String error) {
        NodeBuilder ack = Node.builder("ack").attr("class", "message").attr("id", id).attr("from", from)
                .attr("t", Long.toString(time));
        if (error != null) {
            ack.attr("error", error);
        }
        return ack.build();
    }

    /**
     * A status as one device receives it (docs/protocol.md, Simulator): {@code participant} = the sender device in
     * the stanza's addressing mode (LID mode adds {@code participant_pn} and {@code addressing_mode="lid"}, PN mode
     * {@code participant_lid}), the server's {@code t}, the sender's push name as {@code notify},
     * {@code edit} copied (a revoke, docs/protocol.md, Revoke); then this device's own {@code <enc>} if any, the
     * shared ones (skmsg), {@code <device-identity>} and {@code <meta>}.
     */
    static Node statusCopy(RelayedMessage message, Account sender, Node ownEnc, List<Node> shared) {
        int device = message.sender().deviceId();
        NodeBuilder copy = Node.builder("message").attr("from", STATUS_BROADCAST);
        copyAttr(message.stanza(), copy, "type");
        copy.attr("id", message.id()).attr("participant", message.mode().deviceJid(sender, device));
        if (message.mode() == AddressingMode.LID) {
            copy.attr("participant_pn", sender.pnJid(device)).attr("addressing_mode", "lid");
        } else {
            copy.attr("participant_lid", sender.lidJid(device));
        }
        return finish(copy, message, sender, ownEnc, shared);
    }

    /**
     * A 1:1 message as one device receives it (docs/protocol.md, Simulator): {@code from} = the sender device in the
     * addressing mode of the destination, {@code recipient} = the destination when the receiver is one of the sender's
     * own devices (Baileys then takes it as sent by itself elsewhere).
     */
    static Node directCopy(RelayedMessage message, Account sender, String destination, boolean toOwnDevice,
                           Node ownEnc, List<Node> shared) {
        int device = message.sender().deviceId();
        NodeBuilder copy = Node.builder("message").attr("from", message.mode().deviceJid(sender, device));
        if (message.mode() == AddressingMode.LID) {
            copy.attr("sender_pn", sender.pnJid(device)).attr("addressing_mode", "lid");
        } else {
            copy.attr("sender_lid", sender.lidJid(device));
        }
        if (toOwnDevice) {
            copy.attr("recipient", destination);
        }
        copyAttr(message.stanza(), copy, "type");
        copy.attr("id", message.id());
        return finish(copy, message, sender, ownEnc, shared);
    }

    /** The children every copy shares: direct {@code <enc>} children, device identity and meta, in that order. */
    static List<Node> shared(Node stanza) {
        List<Node> shared = new ArrayList<>(stanza.children("enc"));
        shared.addAll(stanza.children("device-identity"));
        shared.addAll(stanza.children("meta"));
        return shared;
    }

    private static Node finish(NodeBuilder copy, RelayedMessage message, Account sender, Node ownEnc,
                               List<Node> shared) {
        copy.attr("t", Long.toString(message.serverTime()));
        if (sender.pushName() != null) {
            copy.attr("notify", sender.pushName());
        }
        copyAttr(message.stanza(), copy, "edit");
        List<Node> children = new ArrayList<>();
        if (ownEnc != null) {
            children.add(ownEnc);
        }
        children.addAll(shared);
        return copy.children(children).build();
    }

    private static void copyAttr(Node from, NodeBuilder to, String name) {
        if (from.attr(name) != null) {
            to.attr(name, from.attr(name));
        }
    }
}
