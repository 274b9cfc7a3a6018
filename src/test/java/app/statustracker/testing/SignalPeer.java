package app.statustracker.testing;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.EncryptedSignalMessage;
import app.statustracker.wa.signal.GroupCipher;
import app.statustracker.wa.signal.GroupSessionBuilder;
import app.statustracker.wa.signal.InMemoryIdentityKeyStore;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.InMemorySignalSessionStore;
import app.statustracker.wa.signal.LocalSignalIdentity;
import app.statustracker.wa.signal.PlaintextPadding;
import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.PreKeyBundle;
import app.statustracker.wa.signal.SenderKeyDistributionMessage;
import app.statustracker.wa.signal.SenderKeyName;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalMessageType;
import app.statustracker.wa.signal.SignalSessions;
import app.statustracker.wa.signal.SignedPreKey;
import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Another WhatsApp device in pure Java for tests: a contact who posts statuses to us, or a viewer who opens ours.
 * It has its own {@link SessionCipher}, {@link GroupCipher} and in-memory stores, and shares nothing with the
 * client code under test except the Signal library, so what it opens was really encrypted for it.
 */
public final class SignalPeer {
    private static final SecureRandom RANDOM = new SecureRandom();

    public final Jid device;
    public final LocalSignalIdentity identity;
    public final InMemoryPreKeyStore preKeys = new InMemoryPreKeyStore();
    public final InMemorySignalSessionStore sessionStore = new InMemorySignalSessionStore();
    public final InMemoryIdentityKeyStore identityStore = new InMemoryIdentityKeyStore();
    public final InMemorySenderKeyStore senderKeyStore = new InMemorySenderKeyStore();
    public final SignalSessions sessions;
    private final GroupSessionBuilder senderKeys = new GroupSessionBuilder(senderKeyStore);
    private final GroupCipher groupCipher = new GroupCipher(senderKeyStore);
    private int nextPreKeyId = 1;

    public SignalPeer(Jid device) {
        this.device = device;
        Curve25519KeyPair identityKey = Curve25519.generateKeyPair();
        identity = new LocalSignalIdentity(identityKey, 1 + RANDOM.nextInt(16380),
                SignedPreKey.generate(identityKey, 1 + RANDOM.nextInt(1000)));
        sessions = new SignalSessions(new SessionCipher(identity), sessionStore, identityStore, preKeys);
    }

    /** This device's bundle as the server hands it out, with a fresh one-time pre-key (docs/protocol.md, Pre-keys). */
    public PreKeyBundle bundle() {
        PreKey oneTime = PreKey.generate(nextPreKeyId++);
        preKeys.store(List.of(oneTime));
        SignedPreKey signed = identity.signedPreKey();
        return new PreKeyBundle(identity.registrationId(), identity.identityKey(), signed.id(),
                signed.keyPair().publicKey(), signed.signature(), OptionalInt.of(oneTime.id()),
                oneTime.keyPair().publicKey());
    }

    /** The same keys as a retry receipt's {@code <registration>} and {@code <keys>} children
     * (docs/protocol.md, Retries). */
    public List<Node> retryKeyNodes(byte[] deviceIdentity) {
        PreKeyBundle bundle = bundle();
        SignedPreKey signed = identity.signedPreKey();
        return List.of(bytes("registration", bigEndian(identity.registrationId(), 4)),
                Node.builder("keys").children(
                        bytes("type", new byte[] {5}),
                        bytes("identity", identity.identityKey()),
                        Node.builder("key").children(bytes("id", bigEndian(bundle.preKeyId().getAsInt(), 3)),
                                bytes("value", bundle.preKey())).build(),
                        Node.builder("skey").children(bytes("id", bigEndian(signed.id(), 3)),
                                bytes("value", signed.keyPair().publicKey()),
                                bytes("signature", signed.signature())).build(),
                        bytes("device-identity", deviceIdentity)).build());
    }

    /**
     * Opens a pairwise {@code <enc>} from {@code sender}: unpads, parses, and takes in an SKDM it carries under
     * its group and the sender's address, as a receiver must (docs/protocol.md, Signal).
     */
    public Message openPairwise(Jid sender, String encType, byte[] ciphertext) throws Exception {
        byte[] padded = sessions.decrypt(SignalAddress.of(sender),
                new EncryptedSignalMessage(SignalMessageType.fromEncType(encType), ciphertext)).plaintext();
        Message message = Message.parseFrom(PlaintextPadding.unpad(padded));
        if (message.hasSenderKeyDistributionMessage()) {
            Message.SenderKeyDistributionMessage skdm = message.getSenderKeyDistributionMessage();
            senderKeys.process(new SenderKeyName(skdm.getGroupId(), SignalAddress.of(sender)),
                    skdm.getAxolotlSenderKeyDistributionMessage().toByteArray());
        }
        return message;
    }

    /** Opens an skmsg that {@code sender} sent to {@code chat}. */
    public Message openSenderKeyMessage(Jid chat, Jid sender, byte[] skmsg) throws Exception {
        byte[] padded = groupCipher.decrypt(new SenderKeyName(chat.toString(), SignalAddress.of(sender)), skmsg);
        return Message.parseFrom(PlaintextPadding.unpad(padded));
    }

    /** Starts a session with another device from its bundle (X3DH as initiator). */
    public void startSessionWith(Jid other, PreKeyBundle bundle) {
        sessions.startSessions(Map.of(SignalAddress.of(other), bundle));
    }

    /** A padded Message encrypted pairwise for {@code other}: {@code [encType, ciphertext]}. */
    public EncryptedSignalMessage encryptFor(Jid other, Message message) {
        byte[] padded = PlaintextPadding.pad(message.toByteArray(), RANDOM);
        return sessions.encryptAll(List.of(SignalAddress.of(other)), padded).get(SignalAddress.of(other));
    }

    /** Our status sender key's SKDM carrier Message (creating the key on first use). */
    public Message statusSenderKeyCarrier() {
        SenderKeyDistributionMessage skdm = senderKeys.createDistributionMessage(statusName());
        return Message.newBuilder().setSenderKeyDistributionMessage(Message.SenderKeyDistributionMessage.newBuilder()
                .setGroupId(Jid.STATUS_BROADCAST.toString())
                .setAxolotlSenderKeyDistributionMessage(ByteString.copyFrom(skdm.serialize()))).build();
    }

    /** A status Message encrypted with our status sender key: skmsg bytes. */
    public byte[] statusSkmsg(Message status) {
        return groupCipher.encrypt(statusName(), PlaintextPadding.pad(status.toByteArray(), RANDOM));
    }

    /**
     * What the server pushes to {@code recipient} when this peer posts a status (docs/protocol.md, Simulator): the
     * pairwise SKDM (if
     * {@code withKey}) first, then the skmsg, {@code participant} = this device.
     */
    public Node statusStanza(Jid recipient, String id, Message status, boolean withKey) {
        var children = new java.util.ArrayList<Node>();
        if (withKey) {
            EncryptedSignalMessage pairwise = encryptFor(recipient, statusSenderKeyCarrier());
            children.add(Node.builder("enc").attr("v", "2").attr("type", pairwise.type().encType())
                    .bytes(pairwise.serialized()).build());
        }
        children.add(Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(statusSkmsg(status)).build());
        return Node.builder("message").attr("from", Jid.STATUS_BROADCAST).attr("participant", device)
                .attr("id", id).attr("type", "text").attr("t", "1700000000").attr("notify", "Contact")
                .children(children).build();
    }

    private SenderKeyName statusName() {
        return new SenderKeyName(Jid.STATUS_BROADCAST.toString(), SignalAddress.of(device));
    }

    private static Node bytes(String tag, byte[] content) {
        return Node.builder(tag).bytes(content).build();
    }

    public static byte[] bigEndian(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = length - 1, v = value; i >= 0; i--, v >>>= 8) {
            bytes[i] = (byte) v;
        }
        return bytes;
    }
}
