package app.statustracker.wa.pairing;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;

/** The stanzas a companion sends while linking (docs/protocol.md, Pairing). */
public final class PairingStanzas {
    private static final String SERVER = Jid.SERVER.toString();

    private PairingStanzas() {
    }

    /** {@code <iq to type="result" id/>}: the ack of pair-device (and of any server iq we merely accept). */
    public static Node result(String id) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "result").attr("id", id).build();
    }

    public static Node pairDeviceSign(String id, VerifiedDeviceIdentity identity) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "result").attr("id", id)
                .children(Node.builder("pair-device-sign").children(
                        Node.builder("device-identity").attr("key-index", Integer.toString(identity.keyIndex()))
                                .bytes(identity.pairDeviceSignReply()).build()).build())
                .build();
    }

    /** whatsmeow's sendPairError: {@code <iq type="error"><error code text/></iq>}. */
    public static Node pairError(String id, int code, String text) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "error").attr("id", id)
                .children(Node.builder("error").attr("code", Integer.toString(code)).attr("text", text).build())
                .build();
    }

    /**
     * companion_hello (docs/protocol.md, Pairing). The nonce is the byte 0x00 as WA Web and whatsmeow send it;
     * platform id and display go as text ("Chrome (Mac OS)": the real server checks the display against known
     * browsers and OSes).
     */
    public static Node companionHello(Jid phoneNumber, byte[] wrappedEphemeral, byte[] noisePublicKey,
                                      String platformId, String platformDisplay) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "set").attr("xmlns", "md")
                .children(Node.builder("link_code_companion_reg").attr("jid", phoneNumber)
                        .attr("stage", "companion_hello").attr("should_show_push_notification", "true")
                        .children(
                                Node.of("link_code_pairing_wrapped_companion_ephemeral_pub", wrappedEphemeral),
                                Node.of("companion_server_auth_key_pub", noisePublicKey),
                                Node.builder("companion_platform_id").text(platformId).build(),
                                Node.builder("companion_platform_display").text(platformDisplay).build(),
                                Node.of("link_code_pairing_nonce", new byte[] {0}))
                        .build())
                .build();
    }

    public static Node companionFinish(Jid phoneNumber, byte[] wrappedKeyBundle, byte[] identityPublicKey,
                                       byte[] ref) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "set").attr("xmlns", "md")
                .children(Node.builder("link_code_companion_reg").attr("jid", phoneNumber)
                        .attr("stage", "companion_finish")
                        .children(
                                Node.of("link_code_pairing_wrapped_key_bundle", wrappedKeyBundle),
                                Node.of("companion_identity_public", identityPublicKey),
                                Node.of("link_code_pairing_ref", ref))
                        .build())
                .build();
    }
}
