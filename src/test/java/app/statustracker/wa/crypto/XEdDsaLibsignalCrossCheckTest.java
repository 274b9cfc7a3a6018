package app.statustracker.wa.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XEdDSA and X25519 checked live, in both directions, against the libsignal {@code curve} module that the
 * pinned Baileys runs (npm libsignal 6.0.0 over curve25519-js), through the Node driver's
 * {@code commands/curve.mjs}. Keys and messages are fresh on every run. {@link XEdDsaLibsignalVectorsTest}
 * keeps a few fixed vectors for machines without Node.
 *
 * <p>Java-side randomness comes from one seed, printed in every failure message and settable with
 * {@code -Dst.crossCheckSeed=...}; libsignal's keys come from Node, so failure messages also carry the hex.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XEdDsaLibsignalCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Per message length and direction; five lengths × two directions × this = the signature cases. */
    private static final int KEYS_PER_LENGTH = 8;
    private static final int AGREEMENTS = 16;

    private BaileysDriver libsignal;
    private long seed;
    private Random random;

    @BeforeAll
    void startLibsignal() {
        BaileysDriver.assumeAvailable();
        libsignal = BaileysDriver.start();
        seed = Long.getLong("st.crossCheckSeed", new SecureRandom().nextLong());
        random = new Random(seed);
    }

    @AfterAll
    void stopLibsignal() {
        if (libsignal != null) {
            libsignal.close();
        }
    }

    @ParameterizedTest(name = "{0}-byte messages")
    @ValueSource(ints = {0, 1, 32, 33, 1000})
    void libsignalSignaturesVerifyInJava(int messageLength) {
        for (int i = 0; i < KEYS_PER_LENGTH; i++) {
            JsonObject pair = libsignal.call("curveKeyPair", Json.createObjectBuilder().build());
            byte[] privateKey = HEX.parseHex(pair.getString("priv"));
            byte[] publicKey = HEX.parseHex(pair.getString("pub"));
            byte[] message = randomBytes(messageLength);
            Supplier<String> context = context(privateKey, publicKey, message);
            assertArrayEquals(publicKey, Curve25519.publicKeyOf(privateKey), () -> "public key differs; " + context.get());

            byte[] signature = libsignalSign(privateKey, message);
            assertTrue(XEdDsa.verify(publicKey, message, signature),
                    () -> "Java rejects libsignal's signature " + HEX.formatHex(signature) + "; " + context.get());
            assertTrue(libsignalVerify(publicKey, message, signature), context);
            assertTamperedRejectedByBoth(publicKey, message, signature, context);
        }
    }

    @ParameterizedTest(name = "{0}-byte messages")
    @ValueSource(ints = {0, 1, 32, 33, 1000})
    void javaSignaturesVerifyInLibsignal(int messageLength) {
        for (int i = 0; i < KEYS_PER_LENGTH; i++) {
            // raw random bytes, not clamped: both sides clamp before signing, and must agree on it
            byte[] privateKey = randomBytes(32);
            byte[] publicKey = Curve25519.publicKeyOf(privateKey);
            byte[] message = randomBytes(messageLength);
            Supplier<String> context = context(privateKey, publicKey, message);
            assertEquals(HEX.formatHex(publicKey),
                    libsignal.call("curvePublicKey", Json.createObjectBuilder().add("priv", HEX.formatHex(privateKey)).build())
                            .getString("pub"),
                    () -> "libsignal derives another public key; " + context.get());

            byte[] signature = XEdDsa.sign(privateKey, message, randomBytes(XEdDsa.RANDOM_LENGTH));
            assertTrue(libsignalVerify(publicKey, message, signature),
                    () -> "libsignal rejects Java's signature " + HEX.formatHex(signature) + "; " + context.get());
            assertTrue(XEdDsa.verify(publicKey, message, signature), context);
            assertTamperedRejectedByBoth(publicKey, message, signature, context);

            // and libsignal signing with the key Java made is accepted by Java
            byte[] theirs = libsignalSign(privateKey, message);
            assertTrue(XEdDsa.verify(publicKey, message, theirs),
                    () -> "Java rejects libsignal's signature with a Java key " + HEX.formatHex(theirs) + "; " + context.get());
        }
    }

    @Test
    void x25519AgreesBothWays() throws InvalidPublicKeyException {
        for (int i = 0; i < AGREEMENTS; i++) {
            Curve25519KeyPair ours = Curve25519KeyPair.fromPrivateKey(randomBytes(32));
            JsonObject theirs = libsignal.call("curveKeyPair", Json.createObjectBuilder().build());
            byte[] theirPrivate = HEX.parseHex(theirs.getString("priv"));
            byte[] theirPublic = HEX.parseHex(theirs.getString("pub"));
            Supplier<String> context = context(ours.privateKey(), theirPublic, new byte[0]);

            String javaSide = HEX.formatHex(Curve25519.sharedSecret(ours.privateKey(), theirPublic));
            assertEquals(javaSide, libsignalAgree(theirPrivate, ours.publicKey()), context);
            // libsignal computing our half as well: same secret from the other pair of inputs
            assertEquals(javaSide, libsignalAgree(ours.privateKey(), theirPublic), context);
            assertEquals(HEX.formatHex(Curve25519.sharedSecret(theirPrivate, ours.publicKey())), javaSide, context);
        }
    }

    /** One flipped bit anywhere in the signature, and (when there is one) in the message. */
    private void assertTamperedRejectedByBoth(byte[] publicKey, byte[] message, byte[] signature,
                                              Supplier<String> context) {
        byte[] badSignature = flipOneBit(signature);
        assertFalse(XEdDsa.verify(publicKey, message, badSignature),
                () -> "Java accepts tampered " + HEX.formatHex(badSignature) + "; " + context.get());
        assertFalse(libsignalVerify(publicKey, message, badSignature),
                () -> "libsignal accepts tampered " + HEX.formatHex(badSignature) + "; " + context.get());
        if (message.length > 0) {
            byte[] badMessage = flipOneBit(message);
            assertFalse(XEdDsa.verify(publicKey, badMessage, signature), context);
            assertFalse(libsignalVerify(publicKey, badMessage, signature), context);
        }
    }

    private byte[] libsignalSign(byte[] privateKey, byte[] message) {
        return HEX.parseHex(libsignal.call("curveSign", Json.createObjectBuilder()
                .add("priv", HEX.formatHex(privateKey)).add("msg", HEX.formatHex(message)).build()).getString("sig"));
    }

    private boolean libsignalVerify(byte[] publicKey, byte[] message, byte[] signature) {
        return libsignal.call("curveVerify", Json.createObjectBuilder().add("pub", HEX.formatHex(publicKey))
                .add("msg", HEX.formatHex(message)).add("sig", HEX.formatHex(signature)).build()).getBoolean("valid");
    }

    private String libsignalAgree(byte[] privateKey, byte[] publicKey) {
        return libsignal.call("curveAgree", Json.createObjectBuilder()
                .add("priv", HEX.formatHex(privateKey)).add("pub", HEX.formatHex(publicKey)).build()).getString("shared");
    }

    private byte[] flipOneBit(byte[] bytes) {
        byte[] copy = bytes.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit >>> 3] ^= (byte) (1 << (bit & 7));
        return copy;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private Supplier<String> context(byte[] privateKey, byte[] publicKey, byte[] message) {
        return () -> "seed " + seed + " (-Dst.crossCheckSeed), priv " + HEX.formatHex(privateKey)
                + ", pub " + HEX.formatHex(publicKey) + ", message " + HEX.formatHex(message);
    }
}
