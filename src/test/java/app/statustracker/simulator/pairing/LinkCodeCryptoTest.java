package app.statustracker.simulator.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.DecryptionFailedException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Both sides of the pairing-code exchange (docs/protocol.md, Pairing) agree, and a wrong code does not. */
class LinkCodeCryptoTest {

    @Test
    void wrappedEphemeralsOpenWithTheSameCodeOnly() {
        String code = LinkCodeCrypto.randomCode();
        byte[] ephemeral = Curve25519.generateKeyPair().publicKey();
        byte[] wrapped = LinkCodeCrypto.wrap(code, ephemeral);
        assertEquals(80, wrapped.length);
        assertArrayEquals(ephemeral, LinkCodeCrypto.unwrap(code.toLowerCase(), wrapped));
        String other = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
        assertFalse(Arrays.equals(ephemeral, LinkCodeCrypto.unwrap(other, wrapped)));
    }

    @Test
    void codesAreEightAlphabetCharactersAndADashIsIgnored() {
        assertEquals("ABCD2345", LinkCodeCrypto.normalize("abcd-2345"));
        assertThrows(IllegalArgumentException.class, () -> LinkCodeCrypto.normalize("ABC"));
        assertThrows(IllegalArgumentException.class, () -> LinkCodeCrypto.normalize("ABCD 234"));
        assertEquals(8, LinkCodeCrypto.randomCode().length());
    }

    @Test
    void companionAndPrimaryDeriveTheSameAdvSecretAndTheBundleOpens() throws Exception {
        Curve25519KeyPair companionEphemeral = Curve25519.generateKeyPair();
        Curve25519KeyPair primaryEphemeral = Curve25519.generateKeyPair();
        Curve25519KeyPair companionIdentity = Curve25519.generateKeyPair();
        Curve25519KeyPair primaryIdentity = Curve25519.generateKeyPair();
        byte[] advRandom = LinkCodeCrypto.random(32);

        byte[] companionShared = Curve25519.sharedSecret(companionEphemeral.privateKey(), primaryEphemeral.publicKey());
        byte[] plain = new byte[96];
        System.arraycopy(companionIdentity.publicKey(), 0, plain, 0, 32);
        System.arraycopy(primaryIdentity.publicKey(), 0, plain, 32, 32);
        System.arraycopy(advRandom, 0, plain, 64, 32);
        byte[] bundle = LinkCodeCrypto.sealBundle(companionShared, plain);
        assertEquals(LinkCodeCrypto.BUNDLE_LENGTH, bundle.length);
        byte[] companionSecret = LinkCodeCrypto.advSecret(companionShared,
                Curve25519.sharedSecret(companionIdentity.privateKey(), primaryIdentity.publicKey()), advRandom);

        byte[] primaryShared = Curve25519.sharedSecret(primaryEphemeral.privateKey(), companionEphemeral.publicKey());
        assertArrayEquals(plain, LinkCodeCrypto.openBundle(primaryShared, bundle));
        byte[] primarySecret = LinkCodeCrypto.advSecret(primaryShared,
                Curve25519.sharedSecret(primaryIdentity.privateKey(), companionIdentity.publicKey()), advRandom);
        assertArrayEquals(companionSecret, primarySecret);

        bundle[60] ^= 1;
        assertThrows(DecryptionFailedException.class, () -> LinkCodeCrypto.openBundle(primaryShared, bundle));
    }
}
