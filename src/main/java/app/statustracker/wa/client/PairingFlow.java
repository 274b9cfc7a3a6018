package app.statustracker.wa.client;

import app.statustracker.wa.ProtocolException;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.DisconnectReason.Kind;
import app.statustracker.wa.pairing.CompanionFinish;
import app.statustracker.wa.pairing.DeviceIdentityVerifier;
import app.statustracker.wa.pairing.LinkCode;
import app.statustracker.wa.pairing.LinkCodeCipher;
import app.statustracker.wa.pairing.PairSuccess;
import app.statustracker.wa.pairing.PairingRejectedException;
import app.statustracker.wa.pairing.PairingStanzas;
import app.statustracker.wa.pairing.QrCodeData;
import app.statustracker.wa.pairing.QrRotation;
import app.statustracker.wa.pairing.VerifiedDeviceIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Linking on a registration connection (docs/protocol.md, Pairing): QR refs in rotation, or the pairing-code
 * exchange; then pair-success. PBKDF2 (131072 rounds) runs on the common pool, never on a transport thread.
 */
final class PairingFlow {
    private static final System.Logger LOG = System.getLogger(PairingFlow.class.getName());

    private final ClientSession session;
    private final WaClient client;
    private final Jid pairingPhone;
    private QrRotation rotation;
    private boolean pairDeviceSeen;
    private LinkCode code;
    private byte[] ref;

    PairingFlow(ClientSession session, WaClient client, String pairingPhone) {
        this.session = session;
        this.client = client;
        this.pairingPhone = pairingPhone == null ? null : Jid.of(pairingPhone, Jid.USER_SERVER);
    }

    void onPairDevice(Node iq) {
        session.send(PairingStanzas.result(iq.attr("id", "")));
        List<String> refs = iq.children().get(0).children("ref").stream()
                .map(node -> node.contentBytes() != null
                        ? new String(node.contentBytes(), StandardCharsets.UTF_8) : node.contentText())
                .filter(text -> text != null && !text.isEmpty())
                .toList();
        boolean first;
        synchronized (this) {
            first = !pairDeviceSeen;
            pairDeviceSeen = true;
        }
        if (pairingPhone != null) {
            if (first) {
                requestCode().exceptionally(failure -> {
                    session.end(DisconnectReason.of(Kind.PAIRING_FAILED, codeOf(failure),
                            "pairing code request failed: " + rootCause(failure).getMessage()));
                    return null;
                });
            }
            return;
        }
        if (refs.isEmpty()) {
            session.end(DisconnectReason.of(Kind.PAIRING_FAILED, -1, "pair-device without refs"));
            return;
        }
        DeviceCredentials credentials = client.credentials();
        QrRotation next = new QrRotation(refs, client.config().qrFirstRefLifetime(),
                client.config().qrNextRefLifetime(), client.scheduler(),
                qrRef -> client.emit(new ClientEvent.QrCode(QrCodeData.format(qrRef,
                        credentials.noiseKey().publicKey(), credentials.identityKey().publicKey(),
                        credentials.advSecret(), client.config().platformId()))),
                () -> session.end(DisconnectReason.of(Kind.QR_TIMEOUT, -1, "all " + refs.size()
                        + " QR refs shown, none scanned")));
        synchronized (this) {
            if (rotation != null) {
                rotation.cancel();
            }
            rotation = next;
        }
        next.start();
    }

    /** companion_hello with a fresh code; completes with the code once the server has accepted it. */
    CompletableFuture<String> requestCode() {
        if (pairingPhone == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this connection links by QR code"));
        }
        synchronized (this) {
            if (!pairDeviceSeen) {
                return CompletableFuture.failedFuture(new IllegalStateException("the server has not offered pairing yet"));
            }
        }
        DeviceCredentials credentials = client.credentials();
        LinkCode fresh = LinkCode.generate(client.random());
        return CompletableFuture
                .supplyAsync(() -> LinkCodeCipher.wrap(fresh, credentials.pairingEphemeralKey().publicKey(), client.random()))
                .thenCompose(wrapped -> session.sendIq(PairingStanzas.companionHello(pairingPhone, wrapped,
                        credentials.noiseKey().publicKey(), client.config().platformId(),
                        client.config().platformDisplay())))
                .thenApply(answer -> {
                    requireResult(answer, "companion_hello");
                    byte[] newRef = answer.child("link_code_companion_reg")
                            .flatMap(reg -> reg.child("link_code_pairing_ref"))
                            .map(Node::contentBytes)
                            .orElseThrow(() -> new LinkCodeRejectedException(-1, "companion_hello answer lacks a ref"));
                    synchronized (this) {
                        code = fresh;
                        ref = newRef;
                    }
                    client.emit(new ClientEvent.PairingCode(fresh.value()));
                    return fresh.value();
                });
    }

    /** primary_hello: the phone took the code; finish with our key bundle (docs/protocol.md, Pairing). Acked by the
     * session. */
    void onLinkCodeNotification(Node notification) {
        Node reg = notification.child("link_code_companion_reg").orElse(null);
        if (reg == null || !"primary_hello".equals(reg.attr("stage"))) {
            return;
        }
        LinkCode currentCode;
        byte[] currentRef;
        synchronized (this) {
            currentCode = code;
            currentRef = ref;
        }
        byte[] notifiedRef = reg.child("link_code_pairing_ref").map(Node::contentBytes).orElse(null);
        byte[] wrappedPrimary = reg.child("link_code_pairing_wrapped_primary_ephemeral_pub")
                .map(Node::contentBytes).orElse(null);
        byte[] primaryIdentity = reg.child("primary_identity_pub").map(Node::contentBytes).orElse(null);
        if (currentCode == null || !Arrays.equals(currentRef, notifiedRef)) {
            // whatsmeow checks the ref too: a notification for a replaced code is stale
            LOG.log(System.Logger.Level.INFO, "ignoring primary_hello for a ref we do not hold");
            return;
        }
        if (wrappedPrimary == null || primaryIdentity == null) {
            session.end(DisconnectReason.of(Kind.PAIRING_FAILED, -1, "primary_hello lacks its keys"));
            return;
        }
        DeviceCredentials credentials = client.credentials();
        CompletableFuture.supplyAsync(() -> {
            try {
                byte[] primaryEphemeral = LinkCodeCipher.unwrap(currentCode, wrappedPrimary);
                return CompanionFinish.compute(credentials.pairingEphemeralKey(), primaryEphemeral,
                        credentials.identityKey(), primaryIdentity, client.random());
            } catch (ProtocolException e) {
                throw new CompletionException(e);
            }
        }).thenCompose(finish -> {
            // persisted before the primary can use it: pair-success's HMAC is keyed with it
            client.updateCredentials(current -> current.withAdvSecret(finish.advSecret()));
            return session.sendIq(PairingStanzas.companionFinish(pairingPhone, finish.wrappedKeyBundle(),
                    credentials.identityKey().publicKey(), currentRef));
        }).thenAccept(answer -> requireResult(answer, "companion_finish"))
                .exceptionally(failure -> {
                    // a mistyped code fails here (the wrapping has no integrity); like whatsmeow and Baileys we
                    // only log it: the code stays valid and the user can type it again
                    LOG.log(System.Logger.Level.WARNING, "link-code finish failed: " + rootCause(failure).getMessage());
                    return null;
                });
    }

    void onPairSuccess(Node iq) {
        PairSuccess success;
        try {
            success = PairSuccess.parse(iq);
        } catch (MalformedNodeException e) {
            session.send(PairingStanzas.pairError(iq.attr("id", ""), 500, "internal-error"));
            session.end(DisconnectReason.of(Kind.PAIRING_FAILED, 500, "malformed pair-success: " + e.getMessage()));
            return;
        }
        DeviceCredentials credentials = client.credentials();
        VerifiedDeviceIdentity identity;
        try {
            identity = DeviceIdentityVerifier.verify(success.deviceIdentity(), credentials.advSecret(),
                    credentials.identityKey());
        } catch (PairingRejectedException e) {
            session.send(PairingStanzas.pairError(success.iqId(), e.errorCode(), e.errorText()));
            session.end(DisconnectReason.of(Kind.PAIRING_FAILED, e.errorCode(), e.errorText() + ": " + e.getMessage()));
            return;
        } catch (ProtocolException e) {
            session.send(PairingStanzas.pairError(success.iqId(), 500, "internal-error"));
            session.end(DisconnectReason.of(Kind.PAIRING_FAILED, 500, e.getMessage()));
            return;
        }
        stop();
        Jid lid = success.lid().orElse(null);
        Me me = new Me(success.phoneNumber(), lid, success.businessName());
        client.updateCredentials(current -> current.withPairing(me, identity.account(), success.platform()));
        session.send(PairingStanzas.pairDeviceSign(success.iqId(), identity));
        client.emit(new ClientEvent.Paired(me.phoneNumber(), lid, success.platform()));
    }

    synchronized void stop() {
        if (rotation != null) {
            rotation.cancel();
        }
    }

    private static void requireResult(Node answer, String step) {
        if (!"result".equals(answer.attr("type"))) {
            Node error = answer.child("error").orElse(null);
            int errorCode = error == null ? -1 : parseInt(error.attr("code"));
            throw new LinkCodeRejectedException(errorCode, step + " refused: " + answer);
        }
    }

    private static int codeOf(Throwable failure) {
        return rootCause(failure) instanceof LinkCodeRejectedException rejected ? rejected.code() : -1;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static int parseInt(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
