package app.statustracker.simulator.state;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated WhatsApp account: its phone number, its LID, and the primary phone (device 0) whose identity
 * key is the account signature key that signs companions (docs/protocol.md, Pairing and Simulator). Companions are
 * added by pairing or directly by tests.
 */
public final class Account {
    /** What pair-success names as the primary's platform (docs/protocol.md, Pairing); a plain Android phone. */
    public static final String PRIMARY_PLATFORM = "android";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String phoneNumber;
    private final String lidUser;
    private final Curve25519KeyPair identityKey = Curve25519.generateKeyPair();
    // ADVDeviceIdentity.rawId: one random number per account, the same in every identity it issues
    private final int advRawId = RANDOM.nextInt() & 0x7FFFFFFF;
    private final Map<Integer, RegisteredDevice> devices = new ConcurrentSkipListMap<>();
    private final AtomicInteger lastDeviceId = new AtomicInteger();
    private final AtomicInteger lastKeyIndex = new AtomicInteger();
    private volatile String pushName;
    private PrimaryDevice primary;  // guarded by this; generated when first asked for
    private final Accounts.DeviceChangeListener deviceChanges;

    Account(String phoneNumber, String lidUser, Accounts.DeviceChangeListener deviceChanges) {
        this.phoneNumber = phoneNumber;
        this.lidUser = lidUser;
        this.deviceChanges = deviceChanges;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public String lidUser() {
        return lidUser;
    }

    public String pnJid() {
        return phoneNumber + "@s.whatsapp.net";
    }

    public String pnJid(int device) {
        return phoneNumber + (device == 0 ? "" : ":" + device) + "@s.whatsapp.net";
    }

    public String lidJid(int device) {
        return lidUser + (device == 0 ? "" : ":" + device) + "@lid";
    }

    /** The primary's identity key pair; its public half is the ADV accountSignatureKey. */
    public Curve25519KeyPair identityKey() {
        return identityKey;
    }

    public int advRawId() {
        return advRawId;
    }

    /**
     * A device id for a new companion. Ids are never reused after an unlink, as on WhatsApp, so a stale
     * login of an unlinked device cannot land on a newer one.
     */
    public int allocateDeviceId() {
        return lastDeviceId.updateAndGet(last -> Math.max(last, highestDeviceId()) + 1);
    }

    /** The primary phone as a Signal peer: registration id and pre-keys for device-0 bundles
     * (docs/protocol.md, Pre-keys). */
    public synchronized PrimaryDevice primary() {
        if (primary == null) {
            primary = PrimaryDevice.generate(identityKey);
        }
        return primary;
    }

    /** The name the server puts in {@code notify} on what this account sends (docs/protocol.md, Simulator), or null. */
    public String pushName() {
        return pushName;
    }

    public void pushName(String name) {
        pushName = name;
    }

    /** The newest ADV key index handed out (0 before any companion). */
    public int currentKeyIndex() {
        return lastKeyIndex.get();
    }

    /** The next ADV key index; monotonic per account (docs/protocol.md, Pairing). */
    public int allocateKeyIndex() {
        return lastKeyIndex.incrementAndGet();
    }

    public void addDevice(RegisteredDevice device) {
        if (device.deviceId() <= 0) {
            throw new IllegalArgumentException("companion device ids start at 1; 0 is the primary phone");
        }
        devices.put(device.deviceId(), device);
        deviceChanges.changed(this, true, device);
    }

    public Optional<RegisteredDevice> device(int deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** Linked companions in device-id order (the primary, device 0, is not among them). */
    public List<RegisteredDevice> devices() {
        return List.copyOf(devices.values());
    }

    public Optional<RegisteredDevice> removeDevice(int deviceId) {
        Optional<RegisteredDevice> removed = Optional.ofNullable(devices.remove(deviceId));
        removed.ifPresent(device -> deviceChanges.changed(this, false, device));
        return removed;
    }

    private int highestDeviceId() {
        return devices.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
