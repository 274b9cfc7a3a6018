package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.simulator.state.DevicePreKeys;
import app.statustracker.simulator.state.PreKey;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.simulator.state.SignedPreKey;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pre-key bundle fetches (docs/protocol.md, Pre-keys):
 * {@code <iq xmlns="encrypt" type="get"><key><user jid/>…</key></iq>} for PN or LID device JIDs (Baileys asks by LID
 * only; device 0 as the bare user JID). Device 0 answers with the simulated primary's keys, a companion with what it
 * uploaded. Each fetch uses up the lowest one-time key; when none is left the bundle has no {@code <key>}. A JID
 * without a registered device with keys gets a
 * {@code <user jid><error code="404" text="item-not-found"/></user>} entry (Baileys then fails the send).
 */
public final class PreKeyBundleHandler implements StanzaHandler {
    private final Accounts accounts;

    public PreKeyBundleHandler(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!Stanzas.isQuery(stanza, "get", "encrypt", "key")) {
            return false;
        }
        if (connection.device().isEmpty()) {
            connection.refuse("pre-key bundle query before login");
            connection.send(Stanzas.error(stanza, 401, "not-authorized"));
            return true;
        }
        List<Node> users = new ArrayList<>();
        for (Node user : stanza.child("key").map(Node::children).orElse(List.of())) {
            if ("user".equals(user.tag()) && user.attr("jid") != null) {
                users.add(bundle(user.attr("jid")));
            }
        }
        connection.send(Stanzas.result(stanza).withChildren(List.of(Node.builder("list").children(users).build())));
        return true;
    }

    private Node bundle(String jidText) {
        Optional<Jid> jid = Jid.tryParse(jidText);
        Optional<Account> account = jid.flatMap(accounts::resolve);
        if (account.isEmpty()) {
            return missing(jidText);
        }
        int device = jid.get().device();
        if (device == 0) {
            return bundle(jidText, account.get().primary().registrationId(),
                    account.get().identityKey().publicKey(), account.get().primary().preKeys());
        }
        Optional<RegisteredDevice> companion = account.get().device(device);
        if (companion.isEmpty() || companion.get().identityKey() == null) {
            return missing(jidText);
        }
        return bundle(jidText, companion.get().registrationId(), companion.get().identityKey(),
                companion.get().preKeys());
    }

    private static Node bundle(String jid, int registrationId, byte[] identity, DevicePreKeys keys) {
        Optional<SignedPreKey> signed = keys.signedPreKey();
        if (signed.isEmpty()) {
            return missing(jid);
        }
        List<Node> fields = new ArrayList<>(List.of(
                Node.builder("registration").bytes(Bytes.fourBytes(registrationId)).build(),
                Node.builder("type").bytes(new byte[] {Curve25519.DJB_TYPE}).build(),
                Node.builder("identity").bytes(identity).build(),
                Node.builder("skey").children(
                        Node.builder("id").bytes(Bytes.threeBytes(signed.get().id())).build(),
                        Node.builder("value").bytes(signed.get().publicKey()).build(),
                        Node.builder("signature").bytes(signed.get().signature()).build()).build()));
        Optional<PreKey> oneTime = keys.take();
        oneTime.ifPresent(key -> fields.add(Node.builder("key").children(
                Node.builder("id").bytes(Bytes.threeBytes(key.id())).build(),
                Node.builder("value").bytes(key.publicKey()).build()).build()));
        return Node.builder("user").attr("jid", jid).children(fields).build();
    }

    private static Node missing(String jid) {
        return Node.builder("user").attr("jid", jid)
                .children(Node.builder("error").attr("code", "404").attr("text", "item-not-found").build())
                .build();
    }
}
