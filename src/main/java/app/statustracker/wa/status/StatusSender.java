package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.signal.PlaintextPadding;
import app.statustracker.wa.signal.PreKeyBundle;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Posts and revokes statuses (docs/protocol.md, Status stanza): resolve the audience to LID users and devices (one
 * usync), start Signal sessions where missing (one pre-key iq), hand the current sender key pairwise to the devices
 * that lack it, encrypt the message once with the sender key, send one stanza and await the server ack
 * (docs/protocol.md, Status stanza).
 *
 * <p>One instance per linked device. Posts run one after another: they share the sender key and the record of
 * who holds it, and the chain order must match the order the server sees. Signal work runs on {@code crypto}, never
 * on a transport thread.
 */
public final class StatusSender {
    private static final System.Logger LOG = System.getLogger(StatusSender.class.getName());
    private static final String DIGITS = "[1-9][0-9]{6,18}";

    private final StatusEncryption encryption;
    private final SenderKeyHolders holders;
    private final RecentStatuses recent;
    private final AudienceResolver resolver;
    private final StatusResender resender;
    private final Executor crypto;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration ackTimeout;
    private final Object order = new Object();
    private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

    /**
     * @param recent where each status is remembered before it goes out, to answer retry receipts
     * (docs/protocol.md, Retries)
     * @param crypto runs the Signal steps; give every Signal user of one client the same serial executor
     */
    public StatusSender(StatusEncryption encryption, LidMappingStore lids, SenderKeyHolders holders,
                        RecentStatuses recent, Executor crypto, SecureRandom random, Clock clock, Duration ackTimeout) {
        this(encryption, lids, new DeviceListCache(Duration.ZERO, 0, clock), holders, recent, crypto, random, clock,
                ackTimeout);
    }

    /**
     * @param deviceLists the device lists this device learnt recently; a post to users found there asks usync only
     * for the rest
     */
    public StatusSender(StatusEncryption encryption, LidMappingStore lids, DeviceListCache deviceLists,
                        SenderKeyHolders holders, RecentStatuses recent, Executor crypto, SecureRandom random,
                        Clock clock, Duration ackTimeout) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.holders = Objects.requireNonNull(holders, "holders");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.resolver = new AudienceResolver(Objects.requireNonNull(lids, "lids"), deviceLists);
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
        this.resender = new StatusResender(encryption, recent, lids, crypto, random, ackTimeout);
    }

    /**
     * Posts a text or link status to these phone numbers (digits with country code). Completes with the acked
     * status, or exceptionally with {@link StatusRejectedException} (unknown numbers, a refused query, an ack
     * error, no ack in time) or {@link IllegalArgumentException} (a malformed number, an unknown font).
     */
    public CompletableFuture<PostedStatus> post(StanzaChannel channel, Poster poster, TextStatus status,
                                                List<String> phoneNumbers) {
        return post(channel, poster, null, status, phoneNumbers);
    }

    /**
     * As {@link #post(StanzaChannel, Poster, TextStatus, List)} under a message id the caller chose (from
     * {@link MessageIds}), so that it can store the status under its final id before anything is sent and no
     * receipt can arrive for an id it does not know yet. Null: a fresh id.
     */
    public CompletableFuture<PostedStatus> post(StanzaChannel channel, Poster poster, String messageId,
                                                TextStatus status, List<String> phoneNumbers) {
        Message message;
        try {
            message = StatusMessages.text(status, random);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return post(channel, poster, messageId, message, phoneNumbers);
    }

    /**
     * Posts a status Message built by the caller ({@link StatusMessages}): an image or video whose file is already
     * on the media host, say. Ids and failures as for a text status.
     */
    public CompletableFuture<PostedStatus> post(StanzaChannel channel, Poster poster, String messageId,
                                                Message message, List<String> phoneNumbers) {
        return post(channel, poster, messageId, CompletableFuture.completedFuture(message), phoneNumbers);
    }

    /**
     * As {@link #post(StanzaChannel, Poster, String, Message, List)} for a Message that is still being made, an
     * image or video whose upload to the media host is under way: the audience is resolved and its sessions started
     * meanwhile, so a post waits for the longer of the two, not for both one after the other. A failed Message fails
     * the post with its cause.
     */
    public CompletableFuture<PostedStatus> post(StanzaChannel channel, Poster poster, String messageId,
                                                CompletableFuture<Message> message, List<String> phoneNumbers) {
        try {
            requireNumbers(phoneNumbers);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return unwrapped(enqueue(() -> send(channel, poster, messageId, message, false, phoneNumbers)));
    }

    /** Checks an audience before anything slow (an upload) is done for it. */
    public static void checkAudience(List<String> phoneNumbers) {
        requireNumbers(phoneNumbers);
    }

    /** Revokes our status {@code statusId} for the same audience (docs/protocol.md, Revoke): a new message id,
     * {@code edit="7"}. */
    public CompletableFuture<PostedStatus> revoke(StanzaChannel channel, Poster poster, String statusId,
                                                  List<String> phoneNumbers) {
        try {
            requireNumbers(phoneNumbers);
            if (statusId == null || statusId.isBlank()) {
                throw new IllegalArgumentException("a revoke needs the id of the status");
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return unwrapped(enqueue(() -> send(channel, poster, null,
                CompletableFuture.completedFuture(StatusMessages.revoke(statusId)), true, phoneNumbers)));
    }

    /**
     * Answers a viewer device's retry receipt for one of our statuses (docs/protocol.md, Retries): the status again,
     * pairwise to that device, with the SKDM while the sender key is unchanged. Queued like a post (the same sessions
     * and sender key), but the queue moves on once the stanza is out, without waiting for its ack. Completes with
     * true when the server acked the re-send without error, false when the request was not answered (status unknown —
     * e.g. sent before a restart, see {@link RecentStatuses} — or older than a day, a device outside its audience,
     * too many tries) or the server refused the re-send; exceptionally when the session or the encryption failed.
     */
    public CompletableFuture<Boolean> resend(StanzaChannel channel, Poster poster, StatusRetryRequest request) {
        return enqueue(() -> resender.send(channel, poster, request))
                .thenCompose(ack -> ack == null ? CompletableFuture.completedFuture(false)
                        : ack.thenApply(answer -> !answer.isError()));
    }

    private <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> step) {
        synchronized (order) {
            CompletableFuture<T> result = previous.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> step.get());
            previous = result;
            return result;
        }
    }

    private CompletableFuture<PostedStatus> send(StanzaChannel channel, Poster poster, String messageId,
                                                 CompletableFuture<Message> message, boolean revoke,
                                                 List<String> phoneNumbers) {
        String id = messageId != null ? messageId
                : MessageIds.generate(poster.phoneNumberUser().user(), clock.instant(), random);
        return resolver.resolve(channel, poster, phoneNumbers, id)
                .thenCompose(audience -> {
                    List<Jid> devices = audience.devicesExcept(poster.lidDevice());
                    if (devices.isEmpty()) {
                        throw new CompletionException(new StatusRejectedException(
                                "the audience has no device to send the status to"));
                    }
                    // The sender key goes out pairwise before the message is needed: while a medium still
                    // uploads, the sessions are started and the key encrypted for every device that lacks it.
                    return CompletableFuture.supplyAsync(() -> encryption.devicesWithoutSession(devices), crypto)
                            .thenCompose(missing -> bundles(channel, missing))
                            .thenComposeAsync(bundles -> {
                                KeyDistribution key = distributeKey(bundles, devices);
                                // A message that is ready is sealed in this same step, so that the stanza is on
                                // the wire while the new sessions are written. The write is the next task on the
                                // queue, ahead of any later Signal work of this device (which reads those
                                // sessions), and the post ends only once it is done, so a next post never waits
                                // for it; the same holds for the sender-key holders recorded after the ack.
                                Prepared sealedNow = message.isDone() && !message.isCompletedExceptionally()
                                        ? seal(id, revoke, message.join(), key, audience, poster) : null;
                                // A failed write does not undo a post WhatsApp may already have: those devices
                                // simply count as without a session, and the next post starts them again.
                                CompletableFuture<Void> stored = onSignalQueue(key.storeSessions(),
                                        "storing the Signal sessions of a status");
                                CompletableFuture<Prepared> sealed = sealedNow != null
                                        ? CompletableFuture.completedFuture(sealedNow)
                                        : message.thenApplyAsync(ready -> seal(id, revoke, ready, key, audience,
                                                poster), crypto);
                                return sealed.thenCompose(prepared -> channel.sendMessage(prepared.stanza(), ackTimeout)
                                        .thenCombine(stored, (ack, ignored) -> accepted(ack, prepared, audience))
                                        .thenCompose(posted -> recordHolders(prepared).thenApply(done -> posted)));
                            }, crypto);
                });
    }

    /**
     * Queues a write of this post's Signal bookkeeping on the device's Signal queue, ahead of any later Signal work
     * there; done when the write is, failed or not. A failure is logged, not reported: what it loses costs the next
     * post some repeated work, while WhatsApp may already have this one.
     */
    private CompletableFuture<Void> onSignalQueue(Runnable write, String what) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        crypto.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, what + " failed", e);
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /** The pre-key bundles of the devices we have no session with yet (one iq); none needed, none asked. */
    private CompletableFuture<Map<Jid, PreKeyBundle>> bundles(StanzaChannel channel, Set<Jid> missing) {
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return channel.query(PreKeyBundleQuery.build(missing)).thenApply(answer -> {
            try {
                // devices without a bundle stay out of the pairwise part; the encryption reports them
                return PreKeyBundleQuery.parse(answer).bundles();
            } catch (IqErrorException e) {
                throw new CompletionException(new StatusRejectedException("pre-key fetch refused: " + e.getMessage(), e));
            } catch (MalformedNodeException e) {
                throw new CompletionException(new StatusRejectedException("malformed pre-key answer: " + e.getMessage(), e));
            }
        });
    }

    /**
     * The sender key of this post, its SKDM encrypted for each device that lacks it, and the write of the sessions
     * that took (run it on the Signal queue before any other Signal work of this device).
     */
    private record KeyDistribution(int keyId, Map<Jid, PairwiseCiphertext> pairwise, Runnable storeSessions) {
    }

    /** Starts the missing sessions and encrypts the current sender key's SKDM pairwise, in one pass. */
    private KeyDistribution distributeKey(Map<Jid, PreKeyBundle> bundles, List<Jid> devices) {
        SenderKeyDistribution key = encryption.currentSenderKey();
        Set<Jid> holding = holders.holders(key.keyId());
        Set<Jid> audienceDevices = new HashSet<>(devices);
        if (!audienceDevices.containsAll(holding)) {
            // a device that could read our statuses has left the audience: a fresh key keeps it out of this one
            encryption.rotateSenderKey();
            holders.forget(key.keyId());
            key = encryption.currentSenderKey();
            holding = Set.of();
        }
        Set<Jid> holdingNow = holding;
        List<Jid> lacking = devices.stream().filter(device -> !holdingNow.contains(device)).toList();
        Map<Jid, PairwiseCiphertext> pairwise = new LinkedHashMap<>();
        Runnable storeSessions = () -> { };
        if (!lacking.isEmpty()) {
            byte[] skdm = PlaintextPadding.pad(StatusMessages.senderKeyDistribution(key.message()).toByteArray(), random);
            StatusEncryption.PendingPairwise pending = encryption.prepareAndEncryptPairwise(bundles, skdm, lacking);
            for (Jid device : lacking) {
                PairwiseCiphertext ciphertext = pending.batch().encrypted().get(device);
                if (ciphertext != null) {
                    pairwise.put(device, ciphertext);
                }
            }
            storeSessions = pending.store();
        } else if (!bundles.isEmpty()) {
            encryption.startSessions(bundles); // every device holds the key already: nothing to encrypt pairwise
        }
        return new KeyDistribution(key.keyId(), pairwise, storeSessions);
    }

    /** What goes out, and which devices receive the sender key with it. */
    private record Prepared(Node stanza, int keyId, Set<Jid> keyRecipients) {
    }

    /** The message under the sender key (the same one the pairwise part carries) and the stanza around both. */
    private Prepared seal(String id, boolean revoke, Message message, KeyDistribution key, Audience audience,
                          Poster poster) {
        byte[] skmsg = encryption.encryptWithSenderKey(PlaintextPadding.pad(message.toByteArray(), random));
        // remembered before it goes out: a viewer's retry receipt can overtake the server's ack
        recent.remember(new SentStatus(id, message.toByteArray(), revoke, key.keyId(), Set.copyOf(audience.lidUsers()),
                clock.instant()));
        Node stanza = StatusStanza.build(id, revoke, key.pairwise(), audience.lidUsers(), poster.deviceIdentity(),
                skmsg, StatusMessages.mediaTypeOf(message));
        return new Prepared(stanza, key.keyId(), key.pairwise().keySet());
    }

    private PostedStatus accepted(MessageAck ack, Prepared prepared, Audience audience) {
        if (ack.isError()) {
            // whatever the reason, the device lists it went to are suspect; the next post asks again
            resolver.forgetDevices(audience.lidUsers());
            throw new CompletionException(new StatusRejectedException(
                    "WhatsApp refused the status: ack error " + ack.error().get()));
        }
        return new PostedStatus(ack.id(), ack.serverTime().orElseGet(clock::instant), audience.recipients());
    }

    /**
     * Records, after an ack without error, the devices that received the sender key with this post, on the Signal
     * queue where the next post reads them. Lost in a crash or a failed write, it only costs the next post a
     * sender-key message to those devices again.
     */
    private CompletableFuture<Void> recordHolders(Prepared prepared) {
        if (prepared.keyRecipients().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return onSignalQueue(() -> holders.add(prepared.keyId(), prepared.keyRecipients()),
                "recording the sender-key holders of a status");
    }

    private CompletableFuture<PostedStatus> unwrapped(CompletableFuture<PostedStatus> result) {
        CompletableFuture<PostedStatus> plain = new CompletableFuture<>();
        result.whenComplete((posted, failure) -> {
            if (failure == null) {
                plain.complete(posted);
            } else {
                plain.completeExceptionally(StatusFailures.explain(failure, ackTimeout));
            }
        });
        return plain;
    }

    private static void requireNumbers(List<String> phoneNumbers) {
        if (phoneNumbers == null || phoneNumbers.isEmpty()) {
            throw new IllegalArgumentException("a status needs at least one phone number in its audience");
        }
        for (String number : phoneNumbers) {
            if (number == null || !number.matches(DIGITS)) {
                throw new IllegalArgumentException("phone numbers must be digits with country code, got " + number);
            }
        }
    }
}
