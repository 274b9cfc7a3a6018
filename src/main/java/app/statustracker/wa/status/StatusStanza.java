package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code <message to="status@broadcast">} stanza as WA Web sends it today (docs/protocol.md, Status stanza):
 * <pre>
 * &lt;message to="status@broadcast" id type="text|media" [edit="7"]&gt;
 *   &lt;participants&gt;
 *     &lt;to jid="&lt;lid&gt;:&lt;dev&gt;@lid"&gt;&lt;enc v="2" type="pkmsg|msg"&gt;SKDM&lt;/enc&gt;&lt;/to&gt;  devices that get the sender key
 *     &lt;to jid="&lt;lid&gt;@lid"/&gt;                                              audience users not covered above
 *   &lt;/participants&gt;
 *   [&lt;device-identity&gt;ADVSignedDeviceIdentity&lt;/device-identity&gt;]            when any pkmsg
 *   &lt;enc v="2" type="skmsg"&gt;…&lt;/enc&gt;
 *   [&lt;meta status_setting="allowlist"/&gt;]                                  posts only, never revokes
 * &lt;/message&gt;
 * </pre>
 * A media status goes as {@code type="media"} with {@code mediatype="image|video"} on every {@code <enc>}, the
 * SKDM carriers included, as Baileys sends it (docs/protocol.md, Media); text, links and revokes as {@code "text"}.
 * No {@code addressing_mode} (the server answers 479 to it on a status), no {@code phash}, no participant.
 * {@code status_setting="allowlist"}: the audience is exactly the list we were given, which is what the
 * "only share with…" privacy setting means.
 */
public final class StatusStanza {
    /** Stanza {@code edit} value of a sender revoke (docs/protocol.md, Revoke). */
    public static final String EDIT_SENDER_REVOKE = "7";
    public static final String STATUS_SETTING = "allowlist";

    private StatusStanza() {
    }

    /**
     * @param id             the message id
     * @param revoke         true for a revoke: {@code edit="7"} and no {@code <meta>}
     * @param perDevice      SKDM ciphertexts by device, in the order they should appear
     * @param bareUsers      audience user JIDs to list without an {@code <enc>}; users that already have a device
     *                       entry are skipped
     * @param deviceIdentity our ADVSignedDeviceIdentity incl. accountSignatureKey; added only if any entry is a
     *                       pkmsg
     * @param skmsg          the sender-key ciphertext of the padded message
     * @param mediaType      {@code image} or {@code video} for a media status, null otherwise
     */
    public static Node build(String id, boolean revoke, Map<Jid, PairwiseCiphertext> perDevice,
                             Collection<Jid> bareUsers, byte[] deviceIdentity, byte[] skmsg, String mediaType) {
        List<Node> participants = new ArrayList<>(perDevice.size() + bareUsers.size());
        Set<Jid> covered = new HashSet<>();
        boolean anyPreKeyMessage = false;
        for (Map.Entry<Jid, PairwiseCiphertext> entry : perDevice.entrySet()) {
            PairwiseCiphertext ciphertext = entry.getValue();
            anyPreKeyMessage |= ciphertext.isPreKeyMessage();
            covered.add(entry.getKey().withoutDevice());
            participants.add(Node.builder("to").attr("jid", entry.getKey())
                    .children(enc(ciphertext.type(), ciphertext.ciphertext(), mediaType)).build());
        }
        for (Jid user : bareUsers) {
            if (covered.add(user.withoutDevice())) {
                participants.add(Node.builder("to").attr("jid", user.withoutDevice()).build());
            }
        }
        List<Node> children = new ArrayList<>(4);
        children.add(Node.builder("participants").children(participants).build());
        if (anyPreKeyMessage) {
            if (deviceIdentity == null) {
                throw new IllegalArgumentException("a pkmsg needs our device identity beside it (docs/protocol.md, Signal)");
            }
            children.add(Node.builder("device-identity").bytes(deviceIdentity).build());
        }
        children.add(enc("skmsg", skmsg, mediaType));
        if (!revoke) {
            children.add(Node.builder("meta").attr("status_setting", STATUS_SETTING).build());
        }
        var message = Node.builder("message").attr("to", Jid.STATUS_BROADCAST).attr("id", id)
                .attr("type", stanzaType(mediaType));
        if (revoke) {
            message.attr("edit", EDIT_SENDER_REVOKE);
        }
        return message.children(children).build();
    }

    /**
     * A status again for one viewer device that asked with a retry receipt (docs/protocol.md, Retries), in the
     * whatsmeow / WA Web form:
     * <pre>
     * &lt;message to="status@broadcast" participant="&lt;viewer device&gt;" id="&lt;same id&gt;" type="text|media" [edit="7"]&gt;
     *   &lt;enc v="2" type="pkmsg|msg" count="n" [mediatype]&gt;…&lt;/enc&gt;
     *   [&lt;device-identity&gt;…&lt;/device-identity&gt;]                         when pkmsg
     * &lt;/message&gt;
     * </pre>
     * (Baileys rc14 addresses it {@code to} the viewer device instead; the server maps both.)
     */
    public static Node resend(String id, boolean revoke, Jid device, PairwiseCiphertext ciphertext, int count,
                              byte[] deviceIdentity, String mediaType) {
        List<Node> children = new ArrayList<>(2);
        var enc = Node.builder("enc").attr("v", "2").attr("type", ciphertext.type())
                .attr("count", Integer.toString(count));
        if (mediaType != null) {
            enc.attr("mediatype", mediaType);
        }
        children.add(enc.bytes(ciphertext.ciphertext()).build());
        if (ciphertext.isPreKeyMessage()) {
            if (deviceIdentity == null) {
                throw new IllegalArgumentException("a pkmsg needs our device identity beside it (docs/protocol.md, Signal)");
            }
            children.add(Node.builder("device-identity").bytes(deviceIdentity).build());
        }
        var message = Node.builder("message").attr("to", Jid.STATUS_BROADCAST).attr("participant", device)
                .attr("id", id).attr("type", stanzaType(mediaType));
        if (revoke) {
            message.attr("edit", EDIT_SENDER_REVOKE);
        }
        return message.children(children).build();
    }

    private static String stanzaType(String mediaType) {
        return mediaType == null ? "text" : "media";
    }

    private static Node enc(String type, byte[] ciphertext, String mediaType) {
        var enc = Node.builder("enc").attr("v", "2").attr("type", type);
        if (mediaType != null) {
            enc.attr("mediatype", mediaType);
        }
        return enc.bytes(ciphertext).build();
    }
}
