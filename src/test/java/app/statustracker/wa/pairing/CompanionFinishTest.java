package app.statustracker.wa.pairing;

import static app.statustracker.wa.pairing.PairingVectors.key;
import static app.statustracker.wa.pairing.PairingVectors.seq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.wa.crypto.AesGcm;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The companion_finish bundle and adv secret against Node's X25519/HKDF/AES-GCM (pairing-vectors.js). */
class CompanionFinishTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void bundleAndAdvSecretMatchNode() throws Exception {
        CompanionFinish finish = CompanionFinish.compute(key(0x11), key(0x51).publicKey(), key(0x31),
                key(0x71).publicKey(), seq(0x81, 32), seq(0xC1, 12), seq(0xD1, 32));
        assertEquals(156, finish.wrappedKeyBundle().length);
        assertEquals("8182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0"
                + "c1c2c3c4c5c6c7c8c9cacbcc"
                + "43dddc9cef4b633e0c67ce10707abf154aa47e3751d750167aa715d4fabbaf22685d3cb521183e06b7d381a10a7a372a"
                + "60fb367d75dd421897b35f73fc6892ddefd8c8c667abb445a872db1d35c971a07a6703e5271dd71dd54e25aa081e079b"
                + "46164ef31d441ec3c469c3fda2463e1b", HEX.formatHex(finish.wrappedKeyBundle()));
        assertEquals("5ca50167afdecff22f518cce0bf03409140da8b146f37bab39e71e3eeb25aac1",
                HEX.formatHex(finish.advSecret()));
    }

    /** The primary's side of docs/protocol.md, Pairing, written out here, reaches the same secret from the bundle. */
    @Test
    void primaryDerivesTheSameAdvSecret() throws Exception {
        SecureRandom random = new SecureRandom();
        Curve25519KeyPair companionEphemeral = Curve25519.generateKeyPair();
        Curve25519KeyPair primaryEphemeral = Curve25519.generateKeyPair();
        Curve25519KeyPair companionIdentity = Curve25519.generateKeyPair();
        Curve25519KeyPair account = Curve25519.generateKeyPair();
        CompanionFinish finish = CompanionFinish.compute(companionEphemeral, primaryEphemeral.publicKey(),
                companionIdentity, account.publicKey(), random);

        byte[] bundle = finish.wrappedKeyBundle();
        byte[] ephShared = Curve25519.sharedSecret(primaryEphemeral.privateKey(), companionEphemeral.publicKey());
        byte[] bundleKey = Hkdf.sha256(Arrays.copyOfRange(bundle, 0, 32), ephShared,
                "link_code_pairing_key_bundle_encryption_key".getBytes(StandardCharsets.US_ASCII), 32);
        byte[] plain = AesGcm.decrypt(bundleKey, Arrays.copyOfRange(bundle, 32, 44), null,
                Arrays.copyOfRange(bundle, 44, bundle.length));
        assertArrayEquals(companionIdentity.publicKey(), Arrays.copyOfRange(plain, 0, 32));
        assertArrayEquals(account.publicKey(), Arrays.copyOfRange(plain, 32, 64));
        byte[] identShared = Curve25519.sharedSecret(account.privateKey(), companionIdentity.publicKey());
        byte[] advSecret = Hkdf.sha256(null, CompanionFinish.concat(ephShared, identShared,
                Arrays.copyOfRange(plain, 64, 96)), "adv_secret".getBytes(StandardCharsets.US_ASCII), 32);
        assertArrayEquals(finish.advSecret(), advSecret);
    }
}
