package app.statustracker.simulator.state;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A companion registered straight into an account with real Signal key material, as if a client had linked and
 * uploaded its pre-keys (docs/protocol.md, Pre-keys), but with no client behind it: it never logs in, so what is sent
 * to it waits in its offline queue. For benchmarks that need hundreds of audience devices with bundles to build
 * sessions from, without running hundreds of clients. The private halves are thrown away: nobody decrypts for it.
 */
public final class VirtualCompanion {
    private static final SecureRandom RANDOM = new SecureRandom();

    private VirtualCompanion() {
    }

    /**
     * Adds one companion (next device id and ADV key index, so usync lists it) with a fresh identity, signed
     * pre-key id 1 signed over {@code 05 ‖ key} and {@code oneTimeKeys} one-time pre-keys with ids from 1.
     */
    public static RegisteredDevice register(Account account, int oneTimeKeys) {
        Curve25519KeyPair identity = Curve25519.generateKeyPair();
        Curve25519KeyPair signed = Curve25519.generateKeyPair();
        List<PreKey> oneTime = new ArrayList<>(oneTimeKeys);
        for (int id = 1; id <= oneTimeKeys; id++) {
            oneTime.add(new PreKey(id, Curve25519.generateKeyPair().publicKey()));
        }
        DevicePreKeys keys = new DevicePreKeys();
        keys.store(oneTime, new SignedPreKey(1, signed.publicKey(),
                XEdDsa.sign(identity.privateKey(), Curve25519.withTypePrefix(signed.publicKey()))));
        byte[] noiseKey = Curve25519.generateKeyPair().publicKey();
        synchronized (account) {
            RegisteredDevice device = new RegisteredDevice(account.allocateDeviceId(), noiseKey, identity.publicKey(),
                    1 + RANDOM.nextInt(16380), account.allocateKeyIndex(), null, keys);
            account.addDevice(device);
            return device;
        }
    }
}
