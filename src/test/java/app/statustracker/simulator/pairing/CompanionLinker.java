package app.statustracker.simulator.pairing;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.handler.Stanzas;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ClientPairingProps;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The simulated primary phone completing a link (the server's side of docs/protocol.md, Pairing): it sends
 * pair-success with a freshly signed ADV identity, checks the companion's pair-device-sign strictly against what it
 * signed, registers the device and ends the stream with 515. A bad answer ends it with 401 and the reason is kept
 * on the {@link PairingAttempt} and in the connection's refusals.
 */
public final class CompanionLinker {
    private final Supplier<Collection<SimConnection>> connections;
    private final List<PairingAttempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, PendingSign> pendingSigns = new ConcurrentHashMap<>();
    private final AtomicLong attemptIds = new AtomicLong();

    private record PendingSign(String iqId, PairingAttempt attempt, Account account, int deviceId,
                               CompanionRegistration registration, IssuedIdentity issued) {
    }

    public CompanionLinker(Supplier<Collection<SimConnection>> connections) {
        this.connections = connections;
    }

    /**
     * The phone of {@code account} scans {@code qr}. The QR must name a ref this simulator issued to an open
     * registration connection (else {@link NoSuchElementException}); its keys must be that connection's
     * Noise key and registration identity, else the attempt is REJECTED and nothing is sent.
     */
    public PairingAttempt scanQr(Account account, String qr) {
        LinkingQr parsed;
        try {
            parsed = LinkingQr.parse(qr);
        } catch (LinkRejectedException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        SimConnection connection = connections.get().stream()
                .filter(c -> c.isOpen() && c.pairingRefs().contains(parsed.ref()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no open connection was given ref " + parsed.ref()));
        PairingAttempt attempt = newAttempt(PairingAttempt.Method.QR, account, connection);
        try {
            CompanionRegistration registration = CompanionRegistration.from(connection.payload().orElseThrow());
            if (!MessageDigest.isEqual(parsed.noiseKey(), registration.noiseKey())) {
                throw new LinkRejectedException("QR noise key is not the key the connection proved in its handshake");
            }
            if (!MessageDigest.isEqual(parsed.identityKey(), registration.identityKey())) {
                throw new LinkRejectedException("QR identity key is not eIdent of the registration payload");
            }
            sendPairSuccess(attempt, account, connection, registration, parsed.advSecret());
        } catch (LinkRejectedException e) {
            attempt.rejected(e.getMessage());
        }
        return attempt;
    }

    PairingAttempt newAttempt(PairingAttempt.Method method, Account account, SimConnection connection) {
        PairingAttempt attempt = new PairingAttempt("p" + attemptIds.incrementAndGet(), method,
                account.phoneNumber(), connection.id(),
                method == PairingAttempt.Method.QR ? PairingAttempt.State.AWAITING_SIGN
                        : PairingAttempt.State.AWAITING_FINISH);
        attempts.add(attempt);
        return attempt;
    }

    /** docs/protocol.md, Pairing: allocates device id and key index, signs, and sends the pair-success iq. */
    void sendPairSuccess(PairingAttempt attempt, Account account, SimConnection connection,
                         CompanionRegistration registration, byte[] advSecret) throws LinkRejectedException {
        if (pendingSigns.containsKey(connection.id())) {
            throw new LinkRejectedException("connection " + connection.id() + " is already being linked");
        }
        int deviceId = account.allocateDeviceId();
        long now = Instant.now().getEpochSecond();
        IssuedIdentity issued = AdvIdentityIssuer.issue(account.identityKey(), account.advRawId(),
                account.allocateKeyIndex(), now, registration.identityKey(), advSecret);
        String iqId = connection.newStanzaId();
        pendingSigns.put(connection.id(), new PendingSign(iqId, attempt, account, deviceId, registration, issued));
        attempt.awaitingSign(deviceId);
        connection.send(Node.builder("iq").attr("from", Stanzas.SERVER).attr("type", "set").attr("id", iqId)
                .attr("xmlns", "md").attr("t", Long.toString(now))
                .children(Node.builder("pair-success").children(
                        Node.builder("device-identity").attr("key-index", Integer.toString(issued.keyIndex()))
                                .bytes(issued.container()).build(),
                        Node.builder("platform").attr("name", Account.PRIMARY_PLATFORM).build(),
                        Node.builder("device").attr("jid", account.pnJid(deviceId))
                                .attr("lid", account.lidJid(deviceId)).build(),
                        // WA Web reads isChatDbLidMigrated; Baileys ignores it (docs/protocol.md, Pairing)
                        Node.builder("client-props").bytes(ClientPairingProps.newBuilder()
                                .setIsChatDbLidMigrated(true).build().toByteArray()).build())
                        .build())
                .build());
    }

    /** Takes the companion's answer to pair-success (result with pair-device-sign, or error); false if not one. */
    public boolean onIqAnswer(SimConnection connection, Node iq) {
        PendingSign pending = pendingSigns.get(connection.id());
        if (pending == null || !pending.iqId().equals(iq.attr("id"))) {
            return false;
        }
        pendingSigns.remove(connection.id());
        if ("error".equals(iq.attr("type"))) {
            Optional<Node> error = iq.child("error");
            pending.attempt().rejected("companion refused pair-success: error "
                    + error.map(e -> e.attr("code", "?") + " " + e.attr("text", "")).orElse("without <error>"));
            return true;
        }
        try {
            Node identity = iq.child("pair-device-sign").flatMap(sign -> sign.child("device-identity"))
                    .orElseThrow(() -> new LinkRejectedException("result lacks <pair-device-sign><device-identity>"));
            ADVSignedDeviceIdentity signed = AdvIdentityIssuer.verifyDeviceSign(pending.issued(),
                    pending.account().identityKey().publicKey(), identity.attr("key-index"), identity.contentBytes());
            RegisteredDevice device = register(pending, signed);
            pending.attempt().linked(device);
            connection.endStream(Node.builder("stream:error").attr("code", "515").build(), "restart required");
        } catch (LinkRejectedException e) {
            pending.attempt().rejected(e.getMessage());
            connection.refuse("pair-device-sign: " + e.getMessage());
            connection.endStream(Node.builder("stream:error").attr("code", "401").build(), "link rejected");
        }
        return true;
    }

    private static RegisteredDevice register(PendingSign pending, ADVSignedDeviceIdentity signed) {
        CompanionRegistration registration = pending.registration();
        RegisteredDevice device = new RegisteredDevice(pending.deviceId(), registration.noiseKey(),
                registration.identityKey(), registration.registrationId(), pending.issued().keyIndex(),
                signed.toByteArray(), null);
        device.preKeys().rotate(registration.signedPreKey());
        pending.account().addDevice(device);
        return device;
    }

    public List<PairingAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public PairingAttempt attempt(String id) {
        return attempts.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no pairing attempt " + id));
    }
}
