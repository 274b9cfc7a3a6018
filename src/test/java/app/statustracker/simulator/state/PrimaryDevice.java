package app.statustracker.simulator.state;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated primary phone (device 0) as a Signal peer (docs/protocol.md, Pre-keys and Simulator): its identity is
 * the account's identity key, and like a real phone it has a registration id, a signed pre-key and one-time pre-keys
 * on the server, so a sender can build a session with it and encrypt the SKDM to it. What it receives is dropped.
 */
public final class PrimaryDevice {
    /** One-time keys a phone keeps on the server; the bundle omits {@code <key>} once they are used up. */
    public static final int ONE_TIME_KEYS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int registrationId;
    private final DevicePreKeys preKeys = new DevicePreKeys();

    private PrimaryDevice(int registrationId) {
        this.registrationId = registrationId;
    }

    /** Generates the phone's pre-keys, the signed one signed over {@code 05 ‖ key} by the identity
     * (docs/protocol.md, Signal). */
    static PrimaryDevice generate(Curve25519KeyPair identity) {
        // 14-bit like the registration ids clients generate (docs/protocol.md, Signal), never 0
        PrimaryDevice primary = new PrimaryDevice(1 + RANDOM.nextInt(16380));
        Curve25519KeyPair signedKey = Curve25519.generateKeyPair();
        byte[] signature = XEdDsa.sign(identity.privateKey(), Curve25519.withTypePrefix(signedKey.publicKey()));
        List<PreKey> oneTime = new ArrayList<>();
        for (int id = 1; id <= ONE_TIME_KEYS; id++) {
            oneTime.add(new PreKey(id, Curve25519.generateKeyPair().publicKey()));
        }
        primary.preKeys.store(oneTime, new SignedPreKey(1, signedKey.publicKey(), signature));
        return primary;
    }

    public int registrationId() {
        return registrationId;
    }

    public DevicePreKeys preKeys() {
        return preKeys;
    }
}
