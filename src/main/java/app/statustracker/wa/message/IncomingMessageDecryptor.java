package app.statustracker.wa.message;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.message.MessageDecryptionException.Reason;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.DecryptedSignalMessage;
import app.statustracker.wa.signal.DuplicateSignalMessageException;
import app.statustracker.wa.signal.EncryptedSignalMessage;
import app.statustracker.wa.signal.GroupCipher;
import app.statustracker.wa.signal.GroupSessionBuilder;
import app.statustracker.wa.signal.NoSessionException;
import app.statustracker.wa.signal.PlaintextPadding;
import app.statustracker.wa.signal.SenderKeyDuplicateMessageException;
import app.statustracker.wa.signal.SenderKeyException;
import app.statustracker.wa.signal.SenderKeyName;
import app.statustracker.wa.signal.SenderKeyNotFoundException;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalMessageType;
import app.statustracker.wa.signal.SignalSessions;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens an incoming {@code <message>} (docs/protocol.md, Signal, Baileys decryptMessageNode, whatsmeow
 * decryptMessages): every {@code <enc>} in document order — {@code pkmsg}/{@code msg} on the pairwise session with the
 * sending device, {@code skmsg} with that device's sender key for the chat — then unpad (docs/protocol.md, Signal, not
 * for {@code v="3"}), parse the {@code Message}, take in an embedded SKDM at once (so the skmsg after it in the same
 * stanza decrypts), and unwrap a {@code deviceSentMessage}. The first failure stops the stanza, like whatsmeow; what
 * was processed before it (an SKDM) stays processed. Every state change goes through the stores behind
 * {@link SignalSessions} and the sender-key store (sessions, identities, used one-time pre-keys, sender keys).
 *
 * <p>The sending device is the {@code participant} for groups and broadcasts, else {@code from}; its Signal address
 * is used as given (LID or PN) — no PN→LID mapping here. Not thread-safe: one client's messages are opened one at a
 * time, in the order they arrived.
 */
public final class IncomingMessageDecryptor {
    private final SignalSessions sessions;
    private final GroupSessionBuilder senderKeys;
    private final GroupCipher groupCipher;

    public IncomingMessageDecryptor(SignalSessions sessions, GroupSessionBuilder senderKeys, GroupCipher groupCipher) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.senderKeys = Objects.requireNonNull(senderKeys, "senderKeys");
        this.groupCipher = Objects.requireNonNull(groupCipher, "groupCipher");
    }

    /** True when the stanza carries anything to decrypt; others (e.g. {@code <unavailable>}) are only acked. */
    public static boolean hasEncryptedContent(Node message) {
        return "message".equals(message.tag()) && !message.children("enc").isEmpty();
    }

    public DecryptedMessage decrypt(Node message) throws MessageDecryptionException {
        Jid from = jid(message, "from").orElseThrow(() -> malformed("message without a valid from"));
        Optional<Jid> participant = jid(message, "participant");
        boolean shared = from.isGroup() || from.isBroadcast();
        if (shared && participant.isEmpty()) {
            throw malformed("a " + from.server() + " message without participant");
        }
        Jid sender = participant.orElse(from);
        Jid chat = shared ? from : from.withoutDevice();
        String id = message.attr("id");
        if (id == null) {
            throw malformed("message without id");
        }
        SignalAddress address;
        try {
            address = SignalAddress.of(sender);
        } catch (IllegalArgumentException e) {
            throw malformed("no Signal address for sender " + sender);
        }
        List<Node> encs = message.children("enc");
        boolean hadPairwise = encs.stream().anyMatch(enc -> isPairwise(enc.attr("type")));
        Message.Builder merged = Message.newBuilder();
        boolean identityChanged = false;
        boolean opened = false;
        for (Node enc : encs) {
            String type = enc.attr("type", "");
            byte[] ciphertext = enc.contentBytes();
            if (ciphertext == null || !(isPairwise(type) || "skmsg".equals(type))) {
                continue; // msmsg and other kinds are not ours to open (whatsmeow skips them too)
            }
            byte[] plaintext;
            try {
                if (isPairwise(type)) {
                    DecryptedSignalMessage result = sessions.decrypt(address,
                            new EncryptedSignalMessage(SignalMessageType.fromEncType(type), ciphertext));
                    identityChanged |= result.identityChanged();
                    plaintext = result.plaintext();
                } else {
                    plaintext = groupCipher.decrypt(new SenderKeyName(chat.toString(), address), ciphertext);
                }
                Message content = parse("3".equals(enc.attr("v")) ? plaintext : PlaintextPadding.unpad(plaintext));
                if (content.hasSenderKeyDistributionMessage()) {
                    takeSenderKey(content.getSenderKeyDistributionMessage(), chat, address);
                }
                if (content.hasDeviceSentMessage() && content.getDeviceSentMessage().hasMessage()) {
                    // our own other device: what it sent to someone else is inside (docs/protocol.md, Signal)
                    content = content.getDeviceSentMessage().getMessage();
                }
                merged.mergeFrom(content);
                opened = true;
            } catch (DuplicateSignalMessageException | SenderKeyDuplicateMessageException e) {
                throw new MessageDecryptionException(Reason.DUPLICATE, hadPairwise,
                        type + " from " + sender + " was already decrypted: " + e.getMessage(), e);
            } catch (NoSessionException e) {
                throw new MessageDecryptionException(Reason.NO_SESSION, hadPairwise,
                        "no session with " + sender + ": " + e.getMessage(), e);
            } catch (SenderKeyNotFoundException e) {
                throw new MessageDecryptionException(Reason.NO_SENDER_KEY, hadPairwise, e.getMessage(), e);
            } catch (Exception e) {
                throw new MessageDecryptionException(Reason.UNDECRYPTABLE, hadPairwise,
                        type + " from " + sender + " did not decrypt: " + e.getMessage(), e);
            }
        }
        if (!opened) {
            throw new MessageDecryptionException(Reason.MALFORMED, hadPairwise, "no enc we can open in " + id, null);
        }
        return new DecryptedMessage(chat, sender, id, time(message.attr("t")), merged.build(), identityChanged);
    }

    /**
     * The SKDM is keyed by the stanza's sender, never by anything inside it (docs/protocol.md, Signal); the group is
     * the one it names (a status SKDM can come in a 1:1 stanza, e.g. Baileys' retry), else the stanza's chat.
     */
    private void takeSenderKey(Message.SenderKeyDistributionMessage carrier, Jid chat, SignalAddress sender)
            throws SenderKeyException {
        String group = carrier.hasGroupId() && !carrier.getGroupId().isEmpty() ? carrier.getGroupId() : chat.toString();
        senderKeys.process(new SenderKeyName(group, sender),
                carrier.getAxolotlSenderKeyDistributionMessage().toByteArray());
    }

    private static Message parse(byte[] bytes) throws InvalidProtocolBufferException {
        return Message.parseFrom(bytes);
    }

    private static boolean isPairwise(String type) {
        return "pkmsg".equals(type) || "msg".equals(type);
    }

    private static Optional<Jid> jid(Node node, String attribute) {
        return Jid.tryParse(node.attr(attribute));
    }

    private static Optional<Instant> time(String seconds) {
        try {
            return seconds == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static MessageDecryptionException malformed(String why) {
        return new MessageDecryptionException(Reason.MALFORMED, false, why, null);
    }
}
