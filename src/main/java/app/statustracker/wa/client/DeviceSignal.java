package app.statustracker.wa.client;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.message.IncomingMessageDecryptor;
import app.statustracker.wa.signal.GroupCipher;
import app.statustracker.wa.signal.GroupSessionBuilder;
import app.statustracker.wa.signal.ParallelWork;
import app.statustracker.wa.signal.PreKeyStore;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SignalSessions;
import app.statustracker.wa.status.DeviceListCache;
import app.statustracker.wa.status.Poster;
import app.statustracker.wa.status.SignalStatusEncryption;
import app.statustracker.wa.status.StatusSender;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Signal side of one linked device: its stores, the one queue all its Signal work runs on, and the status
 * sender bound to our LID device. The ciphers are cheap and stateless apart from the stores, so they are made from
 * the current credentials when needed; the status sender is kept, because its queue orders our posts, and replaced
 * only if our LID device changes (a new link).
 */
final class DeviceSignal {
    /* the largest audience a status job fans out to; a few hundred bytes each, for minutes */
    private static final int MAX_CACHED_DEVICE_LISTS = 50_000;
    private final StatusStores stores;
    private final PreKeyStore preKeys;
    private final SignalWorkQueue work;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration ackTimeout;
    private final DeviceListCache deviceLists;
    private final ParallelWork parallel;
    private StatusSender statusSender;
    private Jid statusSenderDevice;

    DeviceSignal(StatusStores stores, PreKeyStore preKeys, Executor pool, SecureRandom random, Clock clock,
                 Duration ackTimeout, Duration deviceListLifetime, int signalThreads) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.preKeys = Objects.requireNonNull(preKeys, "preKeys");
        this.work = new SignalWorkQueue(pool);
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
        this.deviceLists = new DeviceListCache(deviceListLifetime, MAX_CACHED_DEVICE_LISTS, clock);
        // pure curve arithmetic, no stores: the common pool's threads may help the Signal queue with it
        this.parallel = ParallelWork.onCommonPool(signalThreads);
    }

    /** Contacts' device lists, kept across posts and reconnects; a devices notification drops one. */
    DeviceListCache deviceLists() {
        return deviceLists;
    }

    Executor work() {
        return work;
    }

    IncomingMessageDecryptor decryptor(DeviceCredentials credentials) {
        return new IncomingMessageDecryptor(sessions(credentials),
                new GroupSessionBuilder(stores.senderKeys(), random), new GroupCipher(stores.senderKeys()));
    }

    /** The status sender for our LID device; the credentials must name it ({@code me.lid}). */
    synchronized StatusSender statusSender(DeviceCredentials credentials) {
        Jid lidDevice = credentials.me().lid();
        if (statusSender == null || !lidDevice.equals(statusSenderDevice)) {
            SignalStatusEncryption encryption = new SignalStatusEncryption(sessions(credentials), stores.senderKeys(),
                    lidDevice, random);
            statusSender = new StatusSender(encryption, stores.lidMappings(), deviceLists, stores.senderKeyHolders(),
                    stores.recentStatuses(), work, random, clock, ackTimeout);
            statusSenderDevice = lidDevice;
        }
        return statusSender;
    }

    /** Who posts: our PN and LID devices and our signed device identity (needs a paired device with a LID). */
    static Poster poster(DeviceCredentials credentials) {
        return new Poster(credentials.me().phoneNumber(), credentials.me().lid(), credentials.account());
    }

    private SignalSessions sessions(DeviceCredentials credentials) {
        return new SignalSessions(new SessionCipher(credentials.signalIdentity(), random), stores.sessions(),
                stores.identities(), preKeys, parallel);
    }
}
