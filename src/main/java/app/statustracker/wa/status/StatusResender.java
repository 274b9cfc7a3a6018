package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.PlaintextPadding;
import app.statustracker.wa.signal.PreKeyBundle;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Answers a viewer's retry receipt for one of our statuses (docs/protocol.md, Retries, whatsmeow handleRetryReceipt):
 * rebuild the session from the receipt's {@code <keys>} (or fetch a bundle when we hold no session), then send the
 * status Message to that one device pairwise, with our sender key's SKDM in the same Message so the device can read
 * our next skmsgs.
 *
 * <p>The SKDM rides along only while the sender key is still the one the status went out under: after a rotation
 * the current key belongs to a newer audience, which this device may not be part of. Only devices of users the
 * status was addressed to are answered, at most {@value #MAX_COUNT} times each (Baileys and whatsmeow stop there).
 * The device is not recorded as a sender-key holder: the next post simply hands it the key again.
 */
final class StatusResender {
    static final int MAX_COUNT = 5;

    private final StatusEncryption encryption;
    private final RecentStatuses recent;
    private final LidMappingStore lids;
    private final Executor crypto;
    private final SecureRandom random;
    private final Duration ackTimeout;

    StatusResender(StatusEncryption encryption, RecentStatuses recent, LidMappingStore lids, Executor crypto,
                   SecureRandom random, Duration ackTimeout) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.lids = Objects.requireNonNull(lids, "lids");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.random = Objects.requireNonNull(random, "random");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    }

    /**
     * Completes once the re-sent stanza is handed to the channel, with the wait for its server ack — or with null
     * when the request is not answered (unknown or expired status, a device outside its audience, too many tries).
     */
    CompletableFuture<CompletableFuture<MessageAck>> send(StanzaChannel channel, Poster poster,
                                                         StatusRetryRequest request) {
        Optional<SentStatus> found = recent.find(request.messageId());
        if (found.isEmpty() || request.count() > MAX_COUNT || !addressed(found.get(), request.device())) {
            return CompletableFuture.completedFuture(null);
        }
        SentStatus sent = found.get();
        Jid device = request.device();
        return CompletableFuture.supplyAsync(() -> sessionReady(request), crypto)
                .thenCompose(ready -> ready ? CompletableFuture.completedFuture(null) : fetchBundle(channel, device))
                .thenApplyAsync(ignored -> stanza(sent, request, poster), crypto)
                .thenApply(stanza -> channel.sendMessage(stanza, ackTimeout));
    }

    private boolean addressed(SentStatus sent, Jid device) {
        if (sent.wasAddressedTo(device)) {
            return true;
        }
        if (device.isPhoneNumber()) {
            Jid lid = lids.lidsForPhoneNumbers(List.of(device.withoutDevice())).get(device.withoutDevice());
            return lid != null && sent.wasAddressedTo(lid);
        }
        return false;
    }

    /** Rebuilds the session from the receipt's keys; false when there are none and we hold no session either. */
    private boolean sessionReady(StatusRetryRequest request) {
        Jid device = request.device();
        if (request.bundle().isPresent()) {
            startSession(device, request.bundle().get());
            return true;
        }
        return encryption.devicesWithoutSession(List.of(device)).isEmpty();
    }

    private CompletableFuture<Void> fetchBundle(StanzaChannel channel, Jid device) {
        return channel.query(PreKeyBundleQuery.build(List.of(device))).thenAcceptAsync(answer -> {
            FetchedBundles fetched;
            try {
                fetched = PreKeyBundleQuery.parse(answer);
            } catch (IqErrorException | MalformedNodeException e) {
                throw new CompletionException(e);
            }
            PreKeyBundle bundle = fetched.bundles().get(device);
            if (bundle == null) {
                throw new IllegalStateException("no pre-key bundle for " + device + ": " + fetched.errors().get(device));
            }
            startSession(device, bundle);
        }, crypto);
    }

    private void startSession(Jid device, PreKeyBundle bundle) {
        Map<Jid, String> failed = encryption.startSessions(Map.of(device, bundle));
        if (!failed.isEmpty()) {
            throw new IllegalStateException("cannot start a session with " + device + ": " + failed.get(device));
        }
    }

    private Node stanza(SentStatus sent, StatusRetryRequest request, Poster poster) {
        Message message;
        try {
            message = Message.parseFrom(sent.message());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("remembered status " + sent.id() + " does not parse", e);
        }
        SenderKeyDistribution key = encryption.currentSenderKey();
        if (key.keyId() == sent.senderKeyId()) {
            message = message.toBuilder().setSenderKeyDistributionMessage(
                    StatusMessages.senderKeyDistribution(key.message()).getSenderKeyDistributionMessage()).build();
        }
        byte[] padded = PlaintextPadding.pad(message.toByteArray(), random);
        PairwiseBatch batch = encryption.encryptPairwise(padded, List.of(request.device()));
        PairwiseCiphertext ciphertext = batch.encrypted().get(request.device());
        if (ciphertext == null) {
            throw new IllegalStateException("cannot encrypt for " + request.device() + ": "
                    + batch.failed().get(request.device()));
        }
        return StatusStanza.resend(sent.id(), sent.revoke(), request.device(), ciphertext, request.count(),
                poster.deviceIdentity(), StatusMessages.mediaTypeOf(message));
    }
}
