package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.signal.EncryptedSignalMessage;
import app.statustracker.wa.signal.GroupCipher;
import app.statustracker.wa.signal.GroupSessionBuilder;
import app.statustracker.wa.signal.PreKeyBundle;
import app.statustracker.wa.signal.SenderKeyDistributionMessage;
import app.statustracker.wa.signal.SenderKeyName;
import app.statustracker.wa.signal.SenderKeyStore;
import app.statustracker.wa.signal.SessionBatch;
import app.statustracker.wa.signal.SessionStartReport;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalMessageType;
import app.statustracker.wa.signal.SignalSessions;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link StatusEncryption} on the in-house Signal library: pairwise work through {@link SignalSessions} (one
 * {@code loadAll} and at most one {@code storeAll} of sessions per call, as the seam asks), the status sender key
 * through {@link GroupSessionBuilder} and {@link GroupCipher} under our own name
 * {@code status@broadcast::<our lid user>_1::<our device>} (docs/protocol.md, Signal: WA Web and whatsmeow send status
 * with the own LID).
 *
 * <p>It remembers which devices have an open session: a session, once open, stays open for the life of the client
 * (an identity change or a peer's new pkmsg replaces it with another open one; only a logout deletes sessions, and that
 * ends the client). So a repeat post to the same audience asks the store nothing about sessions, instead of loading
 * and opening a thousand sealed records just to learn they exist.
 *
 * <p>Not thread-safe, like the records underneath: the {@link StatusSender} of one client runs its Signal steps one at
 * a time (on the client's serial Signal executor), and nothing else encrypts for that client meanwhile.
 */
public final class SignalStatusEncryption implements StatusEncryption {
    private final SignalSessions sessions;
    private final GroupSessionBuilder senderKeys;
    private final GroupCipher groupCipher;
    private final SenderKeyName ourName;
    private final Set<SignalAddress> knownOpen = new HashSet<>();

    public SignalStatusEncryption(SignalSessions sessions, SenderKeyStore senderKeyStore, Jid ourLidDevice) {
        this(sessions, senderKeyStore, ourLidDevice, new SecureRandom());
    }

    public SignalStatusEncryption(SignalSessions sessions, SenderKeyStore senderKeyStore, Jid ourLidDevice,
                                  SecureRandom random) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(senderKeyStore, "senderKeyStore");
        Objects.requireNonNull(ourLidDevice, "ourLidDevice");
        if (!ourLidDevice.isLid()) {
            throw new IllegalArgumentException("the status sender key is named by our LID device, got " + ourLidDevice);
        }
        this.senderKeys = new GroupSessionBuilder(senderKeyStore, Objects.requireNonNull(random, "random"));
        this.groupCipher = new GroupCipher(senderKeyStore);
        this.ourName = statusSenderKeyName(ourLidDevice);
    }

    /** The name our status sender key is stored under, and receivers key it by (our LID device as participant). */
    public static SenderKeyName statusSenderKeyName(Jid ourLidDevice) {
        return new SenderKeyName(Jid.STATUS_BROADCAST.toString(), SignalAddress.of(ourLidDevice));
    }

    public SenderKeyName ourSenderKeyName() {
        return ourName;
    }

    @Override
    public Set<Jid> devicesWithoutSession(Collection<Jid> devices) {
        Map<SignalAddress, Jid> byAddress = addresses(devices);
        Set<SignalAddress> unknown = new LinkedHashSet<>(byAddress.keySet());
        unknown.removeAll(knownOpen);
        if (unknown.isEmpty()) {
            return Set.of();
        }
        Set<SignalAddress> missing = sessions.withoutOpenSession(unknown);
        unknown.stream().filter(address -> !missing.contains(address)).forEach(knownOpen::add);
        Set<Jid> result = new LinkedHashSet<>();
        byAddress.forEach((address, device) -> {
            if (missing.contains(address)) {
                result.add(device);
            }
        });
        return result;
    }

    @Override
    public Map<Jid, String> startSessions(Map<Jid, PreKeyBundle> bundles) {
        Map<SignalAddress, Jid> byAddress = addresses(bundles.keySet());
        SessionStartReport report = sessions.startSessions(byAddress(bundles, byAddress));
        knownOpen.addAll(report.started());
        Map<Jid, String> failed = new HashMap<>();
        report.rejected().forEach((address, reason) -> failed.put(byAddress.get(address), reason.getMessage()));
        return failed;
    }

    @Override
    public PairwiseBatch encryptPairwise(byte[] paddedPlaintext, Collection<Jid> devices) {
        PendingPairwise pending = prepareAndEncryptPairwise(Map.of(), paddedPlaintext, devices);
        pending.store().run();
        return pending.batch();
    }

    @Override
    public PendingPairwise prepareAndEncryptPairwise(Map<Jid, PreKeyBundle> bundles, byte[] paddedPlaintext,
                                                     Collection<Jid> devices) {
        Map<SignalAddress, Jid> byAddress = addresses(devices);
        Map<SignalAddress, byte[]> plaintexts = new HashMap<>();
        byAddress.keySet().forEach(address -> plaintexts.put(address, paddedPlaintext));
        SessionBatch prepared = sessions.prepare(byAddress(bundles, addresses(bundles.keySet())), plaintexts);
        Map<Jid, PairwiseCiphertext> encrypted = new HashMap<>();
        Map<Jid, String> failed = new HashMap<>();
        SessionStartReport report = prepared.started();
        byAddress.forEach((address, device) -> {
            EncryptedSignalMessage message = prepared.encrypted().get(address);
            if (message != null) {
                String type = message.type() == SignalMessageType.PKMSG ? PairwiseCiphertext.PKMSG : PairwiseCiphertext.MSG;
                encrypted.put(device, new PairwiseCiphertext(type, message.serialized()));
            } else if (report.rejected().containsKey(address)) {
                failed.put(device, report.rejected().get(address).getMessage());
            } else {
                failed.put(device, "no open Signal session");
            }
        });
        return new PendingPairwise(new PairwiseBatch(encrypted, failed), () -> {
            sessions.store(prepared);
            knownOpen.addAll(report.started()); // only once written: a failed write leaves them to be asked for
        });
    }

    @Override
    public SenderKeyDistribution currentSenderKey() {
        SenderKeyDistributionMessage skdm = senderKeys.createDistributionMessage(ourName);
        return new SenderKeyDistribution(skdm.keyId(), skdm.serialize());
    }

    @Override
    public byte[] encryptWithSenderKey(byte[] paddedPlaintext) {
        return groupCipher.encrypt(ourName, paddedPlaintext);
    }

    @Override
    public void rotateSenderKey() {
        senderKeys.rotate(ourName);
    }

    /** Signal address → device, keeping the caller's order; device JIDs the seam hands in are LID device JIDs. */
    private static Map<SignalAddress, Jid> addresses(Collection<Jid> devices) {
        Map<SignalAddress, Jid> byAddress = new LinkedHashMap<>();
        for (Jid device : devices) {
            byAddress.put(SignalAddress.of(device), device);
        }
        return byAddress;
    }

    /** The bundles keyed by the Signal address of their device ({@code addresses} of the same devices). */
    private static Map<SignalAddress, PreKeyBundle> byAddress(Map<Jid, PreKeyBundle> bundles,
                                                             Map<SignalAddress, Jid> addresses) {
        Map<SignalAddress, PreKeyBundle> byAddress = new HashMap<>();
        addresses.forEach((address, device) -> byAddress.put(address, bundles.get(device)));
        return byAddress;
    }
}
