package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.signal.PreKeyBundle;
import java.util.Objects;
import java.util.Optional;

/**
 * A viewer device's request to get one of our statuses again because it could not decrypt it
 * (docs/protocol.md, Retries):
 * <pre>
 * &lt;receipt from="status@broadcast" participant="&lt;viewer device&gt;" id type="retry"&gt;
 *   &lt;retry count id t v="1"/&gt;&lt;registration&gt;4 B&lt;/registration&gt;[&lt;keys&gt;…&lt;/keys&gt;]
 * &lt;/receipt&gt;
 * </pre>
 *
 * @param messageId the status id ({@code <retry id>}, else the receipt's id)
 * @param device    the viewer device, as the server named it
 * @param count     how many times this device asked (1 first)
 * @param bundle    the viewer's keys, when it sent them: the session is rebuilt from them (X3DH), as Baileys
 *                  extractE2ESessionFromRetryReceipt and whatsmeow do
 */
public record StatusRetryRequest(String messageId, Jid device, int count, Optional<PreKeyBundle> bundle) {
    public StatusRetryRequest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(bundle, "bundle");
    }

    /** A {@code type="retry"} receipt from {@code status@broadcast}: a viewer failed on one of our statuses. */
    public static boolean matches(Node receipt) {
        return StatusReceipts.isStatusReceipt(receipt) && "retry".equals(receipt.attr("type"));
    }

    public static StatusRetryRequest parse(Node receipt) throws MalformedNodeException {
        Jid device = Jid.parse(receipt.requireAttr("participant"));
        if (!device.isLid() && !device.isPhoneNumber()) {
            throw new MalformedNodeException("retry receipt from a non-user participant " + device);
        }
        Optional<Node> retry = receipt.child("retry");
        String id = retry.map(node -> node.attr("id")).orElse(receipt.attr("id"));
        if (id == null) {
            throw new MalformedNodeException("retry receipt without a message id");
        }
        int count;
        try {
            count = Integer.parseInt(retry.map(node -> node.attr("count", "1")).orElse("1"));
        } catch (NumberFormatException e) {
            throw new MalformedNodeException("retry count is not a number", e);
        }
        Optional<PreKeyBundle> bundle = Optional.empty();
        Optional<Node> keys = receipt.child("keys");
        if (keys.isPresent()) {
            byte[] registration = receipt.requireChild("registration").contentBytes();
            if (registration == null) {
                throw new MalformedNodeException("<registration> carries no bytes");
            }
            try {
                bundle = Optional.of(PreKeyBundleQuery.bundleOf(keys.get(), registration));
            } catch (IllegalArgumentException e) {
                throw new MalformedNodeException("unusable keys in retry receipt: " + e.getMessage(), e);
            }
        }
        return new StatusRetryRequest(id, device, Math.max(count, 1), bundle);
    }
}
