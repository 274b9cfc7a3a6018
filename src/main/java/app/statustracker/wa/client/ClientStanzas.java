package app.statustracker.wa.client;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeBuilder;
import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.SignedPreKey;
import java.util.List;

/** Stanzas a logged-in companion sends (docs/protocol.md, Login). */
final class ClientStanzas {
    private static final String SERVER = Jid.SERVER.toString();

    private ClientStanzas() {
    }

    /** docs/protocol.md, Login: how many one-time pre-keys the server holds for us. */
    static Node preKeyCount() {
        return Node.builder("iq").attr("xmlns", "encrypt").attr("type", "get").attr("to", SERVER)
                .children(Node.of("count")).build();
    }

    /** docs/protocol.md, Pre-keys: registration id, key type, identity, one-time pre-keys and the signed pre-key. */
    static Node preKeyUpload(DeviceCredentials credentials, List<PreKey> preKeys) {
        List<Node> keys = preKeys.stream().map(preKey -> Node.builder("key").children(
                Node.of("id", ClientPayloads.bigEndian(preKey.id(), 3)),
                Node.of("value", preKey.keyPair().publicKey())).build()).toList();
        SignedPreKey signed = credentials.signedPreKey();
        return Node.builder("iq").attr("xmlns", "encrypt").attr("type", "set").attr("to", SERVER)
                .children(
                        Node.of("registration", ClientPayloads.bigEndian(credentials.registrationId(), 4)),
                        Node.of("type", new byte[] {0x05}),
                        Node.of("identity", credentials.identityKey().publicKey()),
                        Node.builder("list").children(keys).build(),
                        Node.builder("skey").children(
                                Node.of("id", ClientPayloads.bigEndian(signed.id(), 3)),
                                Node.of("value", signed.keyPair().publicKey()),
                                Node.of("signature", signed.signature())).build())
                .build();
    }

    /** docs/protocol.md, Login: leave passive mode so the server starts delivering. */
    static Node passiveActive() {
        return Node.builder("iq").attr("xmlns", "passive").attr("type", "set").attr("to", SERVER)
                .children(Node.of("active")).build();
    }

    /** docs/protocol.md, Login: unlink this device; the server answers and then ends the stream with 401
     * device_removed. */
    static Node removeCompanionDevice(Jid device) {
        return Node.builder("iq").attr("xmlns", "md").attr("type", "set").attr("to", SERVER)
                .children(Node.builder("remove-companion-device").attr("jid", device)
                        .attr("reason", "user_initiated").build())
                .build();
    }

    /**
     * docs/protocol.md, Login: the ack of a pushed message, receipt, notification or call. {@code type} is echoed
     * except for messages (whatsmeow sendAck); messages also carry our own device JID as {@code from}.
     */
    static Node ack(Node stanza, Jid ownDevice) {
        NodeBuilder ack = Node.builder("ack").attr("class", stanza.tag()).attr("id", stanza.attr("id", ""))
                .attr("to", stanza.attr("from", SERVER));
        ack.attrFrom(stanza, "participant");
        ack.attrFrom(stanza, "recipient");
        boolean message = "message".equals(stanza.tag());
        if (!message) {
            ack.attrFrom(stanza, "type");
        } else if (ownDevice != null) {
            ack.attr("from", ownDevice);
        }
        return ack.build();
    }

    static boolean needsAck(Node stanza) {
        return switch (stanza.tag()) {
            case "message", "receipt", "notification", "call" -> stanza.attr("id") != null;
            default -> false;
        };
    }
}
