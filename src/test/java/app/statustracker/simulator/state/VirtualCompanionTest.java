package app.statustracker.simulator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.XEdDsa;
import org.junit.jupiter.api.Test;

/** Virtual companions carry what a bundle fetch needs, each under its own device id and key index. */
class VirtualCompanionTest {
    @Test
    void aCompanionHasAValidSignedPreKeyAndItsOwnIdAndKeyIndex() {
        Account account = new Accounts().create("15550009001");
        RegisteredDevice first = VirtualCompanion.register(account, 3);
        RegisteredDevice second = VirtualCompanion.register(account, 0);

        assertEquals(1, first.deviceId());
        assertEquals(2, second.deviceId());
        assertEquals(2, account.currentKeyIndex());
        assertEquals(2, second.keyIndex());
        assertEquals(3, first.preKeys().count());
        assertEquals(0, second.preKeys().count());
        SignedPreKey signed = first.preKeys().signedPreKey().orElseThrow();
        assertTrue(XEdDsa.verify(first.identityKey(), Curve25519.withTypePrefix(signed.publicKey()), signed.signature()),
                "the signed pre-key verifies under the companion's identity");
        assertTrue(first.registrationId() > 0 && first.registrationId() < 16384);
    }
}
