package app.statustracker.simulator.pairing;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.handler.Stanzas;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.DecryptionFailedException;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairing-code linking, server and primary side (docs/protocol.md, Pairing): the companion's companion_hello is
 * stored per phone number (a newer one replaces it: a code stays valid until replaced), the phone "typing" the code
 * sends primary_hello, and the companion's companion_finish is opened, checked and answered with pair-success
 * through the {@link CompanionLinker}.
 */
public final class LinkCodeExchange {
    private final Accounts accounts;
    private final CompanionLinker linker;
    private final Map<String, CodeRequest> requests = new ConcurrentHashMap<>();

    /** One companion_hello and, once the code was typed, the primary's side of the exchange. */
    private static final class CodeRequest {
        final SimConnection connection;
        final Account account;
        final byte[] wrappedCompanionEphemeral;
        final String ref;
        volatile Curve25519KeyPair primaryEphemeral;
        volatile byte[] companionEphemeral;
        volatile PairingAttempt attempt;

        CodeRequest(SimConnection connection, Account account, byte[] wrapped, String ref) {
            this.connection = connection;
            this.account = account;
            this.wrappedCompanionEphemeral = wrapped;
            this.ref = ref;
        }
    }

    public LinkCodeExchange(Accounts accounts, CompanionLinker linker) {
        this.accounts = accounts;
        this.linker = linker;
    }

    /** {@code <link_code_companion_reg stage="companion_hello">}: checked, stored, answered with a ref. */
    public void onCompanionHello(SimConnection connection, Node iq, Node reg) throws LinkRejectedException {
        String jid = reg.attr("jid", "");
        if (!jid.matches("\\d{5,20}@s\\.whatsapp\\.net")) {
            throw new LinkRejectedException("jid must be a phone-number user JID without device, got " + jid);
        }
        Account account = accounts.find(jid.substring(0, jid.indexOf('@')))
                .orElseThrow(() -> new LinkRejectedException("no account for " + jid));
        if (connection.pairingRefs().isEmpty() || connection.device().isPresent()) {
            throw new LinkRejectedException("companion_hello on a connection that is not waiting to be paired");
        }
        String notify = reg.attr("should_show_push_notification", "");
        if (!notify.equals("true") && !notify.equals("false")) {
            throw new LinkRejectedException("should_show_push_notification must be true or false, got " + notify);
        }
        byte[] wrapped = bytes(reg, "link_code_pairing_wrapped_companion_ephemeral_pub", LinkCodeCrypto.WRAPPED_LENGTH);
        byte[] noiseKey = bytes(reg, "companion_server_auth_key_pub", 32);
        if (!MessageDigest.isEqual(noiseKey, connection.payload().orElseThrow().clientStaticKey())) {
            throw new LinkRejectedException("companion_server_auth_key_pub is not the connection's Noise static key");
        }
        String platformId = text(reg, "companion_platform_id");
        if (!platformId.matches("[0-9a-z]")) {
            throw new LinkRejectedException("companion_platform_id must be one platform character, got " + platformId);
        }
        String display = text(reg, "companion_platform_display");
        if (!display.matches(".+ \\(.+\\)")) {
            throw new LinkRejectedException("companion_platform_display must read 'Browser (OS)', got " + display);
        }
        // WA Web and whatsmeow send the byte 0x00, Baileys the string "0" (docs/protocol.md, Pairing): both accepted
        byte[] nonce = bytes(reg, "link_code_pairing_nonce", 1);
        if (nonce[0] != 0 && nonce[0] != '0') {
            throw new LinkRejectedException("link_code_pairing_nonce must be 0x00 or \"0\"");
        }
        String ref = newRef();
        requests.put(account.phoneNumber(), new CodeRequest(connection, account, wrapped, ref));
        connection.send(Node.builder("iq").attr("from", Stanzas.SERVER).attr("type", "result")
                .attr("id", iq.attr("id", ""))
                .children(Node.builder("link_code_companion_reg").children(
                        Node.builder("link_code_pairing_ref").bytes(ref.getBytes(StandardCharsets.US_ASCII)).build())
                        .build())
                .build());
    }

    /** The user types {@code code} on the phone of {@code phoneNumber}: primary_hello goes out
     * (docs/protocol.md, Pairing). */
    public PairingAttempt enterPairingCode(String phoneNumber, String code) {
        String typed = LinkCodeCrypto.normalize(code);
        CodeRequest request = requests.get(phoneNumber);
        if (request == null || !request.connection.isOpen()) {
            throw new NoSuchElementException("no open connection asked for a pairing code for " + phoneNumber);
        }
        request.companionEphemeral = LinkCodeCrypto.unwrap(typed, request.wrappedCompanionEphemeral);
        Curve25519KeyPair primaryEphemeral = Curve25519.generateKeyPair();
        request.primaryEphemeral = primaryEphemeral;
        PairingAttempt attempt = linker.newAttempt(PairingAttempt.Method.CODE, request.account, request.connection);
        request.attempt = attempt;
        SimConnection connection = request.connection;
        connection.send(Node.builder("notification").attr("from", Stanzas.SERVER)
                .attr("type", "link_code_companion_reg").attr("id", connection.newStanzaId())
                .attr("t", Long.toString(Instant.now().getEpochSecond()))
                .children(Node.builder("link_code_companion_reg").attr("stage", "primary_hello").children(
                        Node.builder("link_code_pairing_ref").bytes(request.ref.getBytes(StandardCharsets.US_ASCII))
                                .build(),
                        Node.builder("link_code_pairing_wrapped_primary_ephemeral_pub")
                                .bytes(LinkCodeCrypto.wrap(typed, primaryEphemeral.publicKey())).build(),
                        Node.builder("primary_identity_pub").bytes(request.account.identityKey().publicKey()).build())
                        .build())
                .build());
        return attempt;
    }

    /** {@code stage="companion_finish"} (docs/protocol.md, Pairing): the bundle is opened and checked, then
     * pair-success follows. */
    public void onCompanionFinish(SimConnection connection, Node iq, Node reg) throws LinkRejectedException {
        CodeRequest request = requests.values().stream()
                .filter(r -> r.connection == connection && r.primaryEphemeral != null).findFirst()
                .orElseThrow(() -> new LinkRejectedException("companion_finish before the code was entered"));
        try {
            String ref = new String(bytes(reg, "link_code_pairing_ref", -1), StandardCharsets.US_ASCII);
            if (!ref.equals(request.ref)) {
                throw new LinkRejectedException("link_code_pairing_ref is not the ref of the companion_hello answer");
            }
            CompanionRegistration registration = CompanionRegistration.from(connection.payload().orElseThrow());
            byte[] identity = bytes(reg, "companion_identity_public", 32);
            if (!MessageDigest.isEqual(identity, registration.identityKey())) {
                throw new LinkRejectedException("companion_identity_public is not eIdent of the registration payload");
            }
            byte[] plain = openBundle(request, bytes(reg, "link_code_pairing_wrapped_key_bundle",
                    LinkCodeCrypto.BUNDLE_LENGTH));
            byte[] primaryIdentity = request.account.identityKey().publicKey();
            if (!MessageDigest.isEqual(Arrays.copyOfRange(plain, 0, 32), identity)
                    || !MessageDigest.isEqual(Arrays.copyOfRange(plain, 32, 64), primaryIdentity)) {
                throw new LinkRejectedException("key bundle does not hold companion identity ‖ primary identity");
            }
            byte[] advSecret = LinkCodeCrypto.advSecret(
                    agree(request.primaryEphemeral.privateKey(), request.companionEphemeral),
                    agree(request.account.identityKey().privateKey(), identity), Arrays.copyOfRange(plain, 64, 96));
            requests.remove(request.account.phoneNumber(), request);
            connection.send(Stanzas.result(iq));
            linker.sendPairSuccess(request.attempt, request.account, connection, registration, advSecret);
        } catch (LinkRejectedException e) {
            request.attempt.rejected(e.getMessage());
            throw e;
        }
    }

    private static byte[] openBundle(CodeRequest request, byte[] bundle) throws LinkRejectedException {
        try {
            return LinkCodeCrypto.openBundle(agree(request.primaryEphemeral.privateKey(), request.companionEphemeral),
                    bundle);
        } catch (DecryptionFailedException e) {
            throw new LinkRejectedException("key bundle does not decrypt (was the right code typed?)");
        }
    }

    private static byte[] agree(byte[] privateKey, byte[] publicKey) throws LinkRejectedException {
        try {
            return Curve25519.sharedSecret(privateKey, publicKey);
        } catch (InvalidPublicKeyException e) {
            throw new LinkRejectedException("unusable public key in the exchange (was the right code typed?)");
        }
    }

    /** Byte content (Baileys sends some fields as strings: their UTF-8 bytes); length -1 = any non-empty. */
    private static byte[] bytes(Node reg, String tag, int length) throws LinkRejectedException {
        Node child = reg.child(tag).orElseThrow(() -> new LinkRejectedException("missing <" + tag + ">"));
        byte[] content = Optional.ofNullable(child.contentBytes())
                .or(() -> Optional.ofNullable(child.contentText()).map(t -> t.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(() -> new LinkRejectedException("<" + tag + "> is empty"));
        if (length >= 0 ? content.length != length : content.length == 0) {
            throw new LinkRejectedException("<" + tag + "> must be " + length + " bytes, got " + content.length);
        }
        return content;
    }

    private static String text(Node reg, String tag) throws LinkRejectedException {
        return new String(bytes(reg, tag, -1), StandardCharsets.UTF_8);
    }

    private static String newRef() {
        byte[] random = LinkCodeCrypto.random(21);
        return "2@" + Base64.getEncoder().encodeToString(random);
    }
}
