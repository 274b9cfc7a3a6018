package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.simulator.state.DevicePreKeys;
import app.statustracker.simulator.state.PreKey;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.simulator.state.SignedPreKey;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.XEdDsa;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code xmlns="encrypt"} queries of a logged-in device about its own keys (docs/protocol.md, Login and Pre-keys):
 * count, upload, digest, signed pre-key rotation. Uploads are checked field by field (lengths, key type, identity,
 * signature) and refused with error 400 and a recorded reason; the real server is at least that strict.
 * Bundle fetches ({@code <key>}) are {@link PreKeyBundleHandler}'s.
 */
public final class PreKeyHandler implements StanzaHandler {
    private final Accounts accounts;
    private final int reportedCountFloor;

    /**
     * @param reportedCountFloor the count answer is never below this (docs/decisions.md, "Pre-key count
     *                           floor 5": the simulator reports enough keys held so benchmark clients do not
     *                           upload 812 each)
     */
    public PreKeyHandler(Accounts accounts, int reportedCountFloor) {
        this.accounts = accounts;
        this.reportedCountFloor = reportedCountFloor;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        if (!"encrypt".equals(stanza.attr("xmlns")) || !"iq".equals(stanza.tag())
                || stanza.child("key").isPresent()) {
            return false;
        }
        Optional<RegisteredDevice> device = connection.device().flatMap(this::device);
        if (device.isEmpty()) {
            connection.refuse("encrypt query before login");
            connection.send(Stanzas.error(stanza, 401, "not-authorized"));
            return true;
        }
        DevicePreKeys keys = device.get().preKeys();
        try {
            if (Stanzas.isQuery(stanza, "get", "encrypt", "count")) {
                int held = keys.count();
                connection.send(Stanzas.result(stanza).withChildren(List.of(Node.builder("count")
                        .attr("value", Integer.toString(Math.max(held, reportedCountFloor))).build())));
            } else if (Stanzas.isQuery(stanza, "get", "encrypt", "digest")) {
                digest(connection, stanza, device.get());
            } else if (Stanzas.isQuery(stanza, "set", "encrypt", "rotate")) {
                byte[] identity = identityOf(device.get(), null);
                keys.rotate(signedPreKey(stanza.requireChild("rotate").requireChild("skey"), identity));
                connection.send(Stanzas.result(stanza));
            } else if (Stanzas.isQuery(stanza, "set", "encrypt", "list")) {
                upload(stanza, device.get());
                connection.send(Stanzas.result(stanza));
            } else {
                return false;
            }
        } catch (MalformedNodeException e) {
            connection.refuse("encrypt " + stanza.attr("type") + ": " + e.getMessage());
            connection.send(Stanzas.error(stanza, 400, "bad-request"));
        }
        return true;
    }

    private void upload(Node iq, RegisteredDevice device) throws MalformedNodeException {
        int registrationId = bigEndian(content(iq.requireChild("registration"), 4, "registration"));
        if (device.registrationId() != 0 && registrationId != device.registrationId()) {
            throw new MalformedNodeException("registration id " + registrationId + " is not the registered "
                    + device.registrationId());
        }
        if (content(iq.requireChild("type"), 1, "type")[0] != Curve25519.DJB_TYPE) {
            throw new MalformedNodeException("<type> must be 0x05");
        }
        byte[] identity = identityOf(device, content(iq.requireChild("identity"), 32, "identity"));
        List<PreKey> keys = new ArrayList<>();
        for (Node key : iq.requireChild("list").children()) {
            if (!"key".equals(key.tag())) {
                throw new MalformedNodeException("<list> holds <" + key.tag() + ">, expected <key>");
            }
            keys.add(new PreKey(bigEndian(content(key.requireChild("id"), 3, "key id")),
                    content(key.requireChild("value"), 32, "key value")));
        }
        device.preKeys().store(keys, signedPreKey(iq.requireChild("skey"), identity));
    }

    private void digest(SimConnection connection, Node iq, RegisteredDevice device) {
        Optional<SignedPreKey> signed = device.preKeys().signedPreKey();
        if (device.identityKey() == null || signed.isEmpty()) {
            // 404 = no record: the client re-uploads (docs/protocol.md, Pre-keys)
            connection.send(Stanzas.error(iq, 404, "item-not-found"));
            return;
        }
        MessageDigest sha1 = sha1();
        sha1.update(device.identityKey());
        sha1.update(signed.get().publicKey());
        sha1.update(signed.get().signature());
        List<Node> ids = new ArrayList<>();
        for (PreKey key : device.preKeys().oneTimeKeys()) {
            ids.add(Node.builder("id").bytes(Bytes.threeBytes(key.id())).build());
            sha1.update(key.publicKey());
        }
        connection.send(Stanzas.result(iq).withChildren(List.of(Node.builder("digest").children(
                Node.builder("registration").bytes(Bytes.fourBytes(device.registrationId())).build(),
                Node.builder("type").bytes(new byte[] {Curve25519.DJB_TYPE}).build(),
                Node.builder("identity").bytes(device.identityKey()).build(),
                Node.builder("skey").children(
                        Node.builder("id").bytes(Bytes.threeBytes(signed.get().id())).build(),
                        Node.builder("value").bytes(signed.get().publicKey()).build(),
                        Node.builder("signature").bytes(signed.get().signature()).build()).build(),
                Node.builder("list").children(ids).build(),
                Node.builder("hash").bytes(sha1.digest()).build()).build())));
    }

    private static SignedPreKey signedPreKey(Node skey, byte[] identity) throws MalformedNodeException {
        byte[] value = content(skey.requireChild("value"), 32, "skey value");
        byte[] signature = content(skey.requireChild("signature"), 64, "skey signature");
        if (identity == null || !XEdDsa.verify(identity, Curve25519.withTypePrefix(value), signature)) {
            throw new MalformedNodeException("skey signature does not verify with the identity over 0x05 ‖ value");
        }
        return new SignedPreKey(bigEndian(content(skey.requireChild("id"), 3, "skey id")), value, signature);
    }

    /** The device's registered identity; an uploaded one must equal it (devices a test added have none). */
    private static byte[] identityOf(RegisteredDevice device, byte[] uploaded) throws MalformedNodeException {
        byte[] registered = device.identityKey();
        if (registered != null && uploaded != null && !MessageDigest.isEqual(registered, uploaded)) {
            throw new MalformedNodeException("<identity> is not the identity key the device registered with");
        }
        return registered != null ? registered : uploaded;
    }

    private Optional<RegisteredDevice> device(DeviceAddress address) {
        return accounts.find(address.phoneNumber()).flatMap(account -> account.device(address.deviceId()));
    }

    private static byte[] content(Node node, int length, String what) throws MalformedNodeException {
        byte[] bytes = node.contentBytes();
        if (bytes == null || bytes.length != length) {
            throw new MalformedNodeException(what + " must be " + length + " bytes");
        }
        return bytes;
    }

    private static int bigEndian(byte[] bytes) {
        int value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
