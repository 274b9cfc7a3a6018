package app.statustracker.simulator.state;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated WhatsApp account: its phone number, its LID, and the primary phone's identity key (which
 * signs companions, §4.3). Companions are added by pairing (a later issue) or directly by tests.
 */
public final class Account {
    private final String phoneNumber;
    private final String lidUser;
    private final Curve25519KeyPair identityKey = Curve25519.generateKeyPair();
    private final Map<Integer, RegisteredDevice> devices = new ConcurrentHashMap<>();

    Account(String phoneNumber, String lidUser) {
        this.phoneNumber = phoneNumber;
        this.lidUser = lidUser;
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

    public String lidJid(int device) {
        return lidUser + (device == 0 ? "" : ":" + device) + "@lid";
    }

    public Curve25519KeyPair identityKey() {
        return identityKey;
    }

    public void addDevice(RegisteredDevice device) {
        devices.put(device.deviceId(), device);
    }

    public Optional<RegisteredDevice> device(int deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }
}
