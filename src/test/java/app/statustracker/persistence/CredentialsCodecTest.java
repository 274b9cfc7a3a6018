package app.statustracker.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.client.DeviceCredentials;
import app.statustracker.wa.client.Me;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CredentialsCodecTest {
    private final DeviceCredentials fresh = DeviceCredentials.generate(new SecureRandom());

    @Test
    void freshCredentialsRoundTrip() {
        DeviceCredentials back = CredentialsCodec.decode(CredentialsCodec.encode(fresh));
        assertSameKeys(fresh, back);
        assertNull(back.me());
        assertNull(back.account());
    }

    @Test
    void pairedCredentialsRoundTrip() {
        DeviceCredentials paired = fresh.withPairing(new Me(Jid.of("15551234567", 3, "s.whatsapp.net"),
                Jid.of("100000012345678", 3, "lid"), "Status Tracker"), new byte[] {1, 2, 3}, "android")
                .withPreKeyCounters(813, 813);
        DeviceCredentials back = CredentialsCodec.decode(CredentialsCodec.encode(paired));
        assertSameKeys(paired, back);
        assertEquals(paired.me(), back.me());
        assertArrayEquals(paired.account(), back.account());
        assertEquals("android", back.platform());
        assertEquals(813, back.nextPreKeyId());
        assertEquals(813, back.firstUnuploadedPreKeyId());
    }

    private static void assertSameKeys(DeviceCredentials a, DeviceCredentials b) {
        assertArrayEquals(a.noiseKey().publicKey(), b.noiseKey().publicKey());
        assertArrayEquals(a.identityKey().privateKey(), b.identityKey().privateKey());
        assertArrayEquals(a.signedPreKey().keyPair().publicKey(), b.signedPreKey().keyPair().publicKey());
        assertArrayEquals(a.signedPreKey().signature(), b.signedPreKey().signature());
        assertEquals(a.signedPreKey().id(), b.signedPreKey().id());
        assertEquals(a.registrationId(), b.registrationId());
        assertArrayEquals(a.advSecret(), b.advSecret());
        assertArrayEquals(a.pairingEphemeralKey().publicKey(), b.pairingEphemeralKey().publicKey());
    }
}
