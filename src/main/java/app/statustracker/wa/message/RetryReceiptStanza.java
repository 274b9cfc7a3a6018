package app.statustracker.wa.message;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeBuilder;
import app.statustracker.wa.signal.SignedPreKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipt that asks a sender to re-send a message we could not decrypt (docs/protocol.md, Retries; whatsmeow
 * sendRetryReceipt, Baileys sendRetryRequest):
 * <pre>
 * &lt;receipt to="&lt;from&gt;" [participant] [recipient] id type="retry"&gt;
 *   &lt;retry count="n" id t v="1"/&gt;
 *   &lt;registration&gt;4 B&lt;/registration&gt;
 *   [&lt;keys&gt;&lt;type&gt;05&lt;/type&gt;&lt;identity/&gt;&lt;key&gt;&lt;id/&gt;&lt;value/&gt;&lt;/key&gt;&lt;skey&gt;&lt;id/&gt;&lt;value/&gt;&lt;signature/&gt;&lt;/skey&gt;&lt;device-identity/&gt;&lt;/keys&gt;]
 * &lt;/receipt&gt;
 * </pre>
 * {@code to}, {@code participant} and {@code recipient} are copied from the message, so the server routes it back to
 * the sending device.
 */
public final class RetryReceiptStanza {
    private RetryReceiptStanza() {
    }

    /**
     * @param message        the {@code <message>} that failed
     * @param count          1 for the first retry, counting up
     * @param registrationId our Signal registration id
     * @param keys           our keys, or null: sent from the second retry on, or when the sender needs a new session
     */
    public static Node build(Node message, int count, int registrationId, RetryKeys keys) {
        if (count < 1) {
            throw new IllegalArgumentException("retry count starts at 1, got " + count);
        }
        String id = message.attr("id", "");
        NodeBuilder receipt = Node.builder("receipt").attr("to", message.attr("from", "")).attr("id", id)
                .attr("type", "retry");
        receipt.attrFrom(message, "participant");
        receipt.attrFrom(message, "recipient");
        NodeBuilder retry = Node.builder("retry").attr("count", Integer.toString(count)).attr("id", id);
        retry.attrFrom(message, "t");
        retry.attr("v", "1");
        List<Node> children = new ArrayList<>(3);
        children.add(retry.build());
        children.add(Node.of("registration", bigEndian(registrationId, 4)));
        if (keys != null) {
            SignedPreKey signed = keys.signedPreKey();
            children.add(Node.builder("keys").children(
                    Node.of("type", new byte[] {0x05}),
                    Node.of("identity", keys.identityKey()),
                    Node.builder("key").children(
                            Node.of("id", bigEndian(keys.preKey().id(), 3)),
                            Node.of("value", keys.preKey().keyPair().publicKey())).build(),
                    Node.builder("skey").children(
                            Node.of("id", bigEndian(signed.id(), 3)),
                            Node.of("value", signed.keyPair().publicKey()),
                            Node.of("signature", signed.signature())).build(),
                    Node.of("device-identity", keys.deviceIdentity())).build());
        }
        return receipt.children(children).build();
    }



    private static byte[] bigEndian(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = length - 1, v = value; i >= 0; i--, v >>>= 8) {
            bytes[i] = (byte) v;
        }
        return bytes;
    }
}
