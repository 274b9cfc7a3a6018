package app.statustracker.wa.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Curve25519Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7748DiffieHellmanVector() throws Exception {
        Curve25519KeyPair alice = Curve25519KeyPair.fromPrivateKey(
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        Curve25519KeyPair bob = Curve25519KeyPair.fromPrivateKey(
                HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertArrayEquals(HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), alice.publicKey());
        assertArrayEquals(HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), bob.publicKey());
        byte[] shared = HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(shared, Curve25519.sharedSecret(alice.privateKey(), bob.publicKey()));
        assertArrayEquals(shared, Curve25519.sharedSecret(bob.privateKey(), alice.publicKey()));
    }

    @Test
    void generatedKeysAgree() throws Exception {
        Curve25519KeyPair a = Curve25519.generateKeyPair();
        Curve25519KeyPair b = Curve25519.generateKeyPair();
        assertArrayEquals(Curve25519.sharedSecret(a.privateKey(), b.publicKey()),
                Curve25519.sharedSecret(b.privateKey(), a.publicKey()));
        byte[] priv = a.privateKey();
        assertEquals(0, priv[0] & 7, "generated private keys are clamped");
        assertEquals(0x40, priv[31] & 0xC0);
    }

    @Test
    void refusesLowOrderAndMisSizedPeerKeys() {
        byte[] priv = Curve25519.generateKeyPair().privateKey();
        assertThrows(InvalidPublicKeyException.class, () -> Curve25519.sharedSecret(priv, new byte[32]));
        assertThrows(InvalidPublicKeyException.class, () -> Curve25519.sharedSecret(priv, new byte[31]));
        assertThrows(InvalidPublicKeyException.class, () -> Curve25519.sharedSecret(priv, null));
    }

    @Test
    void typePrefixRoundTrip() throws Exception {
        byte[] pub = Curve25519.generateKeyPair().publicKey();
        byte[] prefixed = Curve25519.withTypePrefix(pub);
        assertEquals(33, prefixed.length);
        assertEquals(0x05, prefixed[0]);
        assertArrayEquals(pub, Curve25519.withoutTypePrefix(prefixed));
        prefixed[0] = 0x06;
        assertThrows(InvalidPublicKeyException.class, () -> Curve25519.withoutTypePrefix(prefixed));
        assertThrows(InvalidPublicKeyException.class, () -> Curve25519.withoutTypePrefix(pub));
    }
}
