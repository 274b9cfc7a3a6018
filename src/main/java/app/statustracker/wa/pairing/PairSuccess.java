package app.statustracker.wa.pairing;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import java.util.Optional;

/**
 * The parts of {@code <iq type="set"><pair-success>} a companion uses (docs/protocol.md, Pairing).
 *
 * @param iqId           id of the iq, answered by pair-device-sign
 * @param deviceIdentity ADVSignedDeviceIdentityHMAC bytes
 * @param phoneNumber    our PN device JID ({@code <device jid>})
 * @param lid            our LID device JID ({@code <device lid>}), empty if the server sent none
 * @param platform       the primary's platform ({@code android}, {@code iphone}, {@code smba}…), or null
 * @param businessName   {@code <biz name>} for business accounts, else null
 */
public record PairSuccess(String iqId, byte[] deviceIdentity, Jid phoneNumber, Optional<Jid> lid, String platform,
                          String businessName) {

    /** True for {@code <iq type="set">} whose only child is {@code <pair-success>} (whatsmeow requires one child). */
    public static boolean matches(Node iq) {
        return "iq".equals(iq.tag()) && "set".equals(iq.attr("type")) && iq.children().size() == 1
                && "pair-success".equals(iq.children().get(0).tag());
    }

    public static PairSuccess parse(Node iq) throws MalformedNodeException {
        Node success = iq.requireChild("pair-success");
        Node identity = success.requireChild("device-identity");
        byte[] identityBytes = identity.contentBytes();
        if (identityBytes == null) {
            throw new MalformedNodeException("<device-identity> carries no bytes");
        }
        Node device = success.requireChild("device");
        Jid phoneNumber = Jid.parse(device.requireAttr("jid"));
        Optional<Jid> lid = device.jidAttr("lid");
        String platform = success.child("platform").map(node -> node.attr("name")).orElse(null);
        String business = success.child("biz").map(node -> node.attr("name")).orElse(null);
        return new PairSuccess(iq.requireAttr("id"), identityBytes, phoneNumber, lid, platform, business);
    }
}
