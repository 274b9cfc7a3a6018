package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.signal.PreKeyBundle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fetching the pre-key bundles of many devices in one iq (docs/protocol.md, Pre-keys):
 * {@code <iq xmlns="encrypt" type="get"><key><user jid reason="identity"/>…</key></iq>}. Device 0 is asked for
 * by its bare user JID, which {@link Jid#toString()} gives. {@code reason="identity"} on every user as whatsmeow
 * fetchPreKeys sends it.
 */
public final class PreKeyBundleQuery {
    private PreKeyBundleQuery() {
    }

    public static Node build(Collection<Jid> devices) {
        List<Node> users = new ArrayList<>(devices.size());
        for (Jid device : devices) {
            users.add(Node.builder("user").attr("jid", device).attr("reason", "identity").build());
        }
        return Node.builder("iq").attr("xmlns", "encrypt").attr("type", "get").attr("to", Jid.SERVER)
                .children(Node.builder("key").children(users).build()).build();
    }

    /**
     * Bundles and per-device errors. Key material may sit directly under {@code <user>} or in a {@code <keys>}
     * child (whatsmeow accepts both).
     *
     * @throws IqErrorException       when the server refused the whole query
     * @throws MalformedNodeException when the answer has no {@code <list>} or a user without a valid jid
     */
    public static FetchedBundles parse(Node answer) throws IqErrorException, MalformedNodeException {
        IqErrorException.requireResult(answer, "pre-key fetch");
        Node list = answer.requireChild("list");
        Map<Jid, PreKeyBundle> bundles = new HashMap<>();
        Map<Jid, String> errors = new HashMap<>();
        for (Node user : list.children("user")) {
            Jid device = Jid.parse(user.requireAttr("jid"));
            Optional<Node> error = user.child("error");
            if (error.isPresent()) {
                errors.put(device, (error.get().attr("code", "?") + " " + error.get().attr("text", "")).strip());
                continue;
            }
            Node keys = user.child("keys").orElse(user);
            try {
                bundles.put(device, bundleOf(keys));
            } catch (MalformedNodeException | IllegalArgumentException e) {
                errors.put(device, "unusable bundle: " + e.getMessage());
            }
        }
        return new FetchedBundles(bundles, errors);
    }

    private static PreKeyBundle bundleOf(Node keys) throws MalformedNodeException {
        return bundleOf(keys, bytes(keys, "registration"));
    }

    /**
     * The bundle in a {@code <keys>}-shaped node whose registration id comes from elsewhere: a retry receipt
     * carries {@code <registration>} beside {@code <keys>} (docs/protocol.md, Retries).
     */
    static PreKeyBundle bundleOf(Node keys, byte[] registration) throws MalformedNodeException {
        int registrationId = (int) unsigned(registration, "registration");
        byte[] type = keys.child("type").map(Node::contentBytes).orElse(null);
        if (type != null && (type.length != 1 || type[0] != 0x05)) {
            throw new MalformedNodeException("key type is not 0x05 (DJB)");
        }
        byte[] identity = bytes(keys, "identity");
        Node signed = keys.requireChild("skey");
        int signedId = (int) unsigned(bytes(signed, "id"), "skey id");
        byte[] signedKey = bytes(signed, "value");
        byte[] signature = bytes(signed, "signature");
        Node oneTime = keys.child("key").orElse(null);
        OptionalInt preKeyId = OptionalInt.empty();
        byte[] preKey = null;
        if (oneTime != null) {
            preKeyId = OptionalInt.of((int) unsigned(bytes(oneTime, "id"), "key id"));
            preKey = bytes(oneTime, "value");
        }
        return new PreKeyBundle(registrationId, identity, signedId, signedKey, signature, preKeyId, preKey);
    }

    private static byte[] bytes(Node parent, String tag) throws MalformedNodeException {
        byte[] content = parent.requireChild(tag).contentBytes();
        if (content == null) {
            throw new MalformedNodeException("<" + tag + "> carries no bytes");
        }
        return content;
    }

    /** Big-endian unsigned; ids are 3 bytes and registration ids 4 on the wire. */
    private static long unsigned(byte[] bytes, String what) throws MalformedNodeException {
        if (bytes.length == 0 || bytes.length > 4) {
            throw new MalformedNodeException(what + " must be 1..4 bytes, got " + bytes.length);
        }
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        if (value > Integer.MAX_VALUE) {
            throw new MalformedNodeException(what + " out of range: " + value);
        }
        return value;
    }
}
