package app.statustracker.wa.signal;

import static app.statustracker.wa.signal.SenderKeyTestParties.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Hkdf;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.SignalGroupProtos;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SKDM and skmsg bytes and the key schedule, checked against the sender-key schedule of docs/protocol.md, Signal,
 * written out with JDK primitives. */
class SenderKeyWireFormatTest {

    @Test
    void skdmIsVersionByteThenProtoWithTheTypedSigningKey() throws Exception {
        SenderKeyTestParties parties = new SenderKeyTestParties(40);
        SenderKeyDistributionMessage skdm = parties.aliceBuilder.createDistributionMessage(ALICE);
        byte[] bytes = skdm.serialize();
        assertEquals(0x33, bytes[0]);
        SignalGroupProtos.SenderKeyDistributionMessage proto =
                SignalGroupProtos.SenderKeyDistributionMessage.parseFrom(Arrays.copyOfRange(bytes, 1, bytes.length));
        assertEquals(skdm.keyId(), proto.getId());
        assertEquals(0, proto.getIteration());
        assertArrayEquals(skdm.chainKey(), proto.getChainKey().toByteArray());
        assertArrayEquals(Curve25519.withTypePrefix(skdm.signingPublicKey()), proto.getSigningKey().toByteArray());

        SenderKeyDistributionMessage parsed = SenderKeyDistributionMessage.parse(bytes);
        assertEquals(skdm.keyId(), parsed.keyId());
        assertArrayEquals(skdm.chainKey(), parsed.chainKey());
        assertArrayEquals(skdm.signingPublicKey(), parsed.signingPublicKey());
    }

    @Test
    void skdmParsingToleratesARawKeyAndRefusesTheRest() throws SenderKeyException {
        byte[] chainKey = new byte[32];
        byte[] signingKey = Curve25519.generateKeyPair().publicKey();
        SignalGroupProtos.SenderKeyDistributionMessage.Builder valid = SignalGroupProtos.SenderKeyDistributionMessage
                .newBuilder().setId(7).setIteration(9).setChainKey(ByteString.copyFrom(chainKey))
                .setSigningKey(ByteString.copyFrom(signingKey));
        SenderKeyDistributionMessage raw = SenderKeyDistributionMessage.parse(versioned(0x33, valid.build().toByteArray()));
        assertArrayEquals(signingKey, raw.signingPublicKey());
        assertEquals(9, raw.iteration());

        assertRefused(versioned(0x23, valid.build().toByteArray()));
        assertRefused(versioned(0x43, valid.build().toByteArray()));
        assertRefused(new byte[0]);
        assertRefused(versioned(0x33, new byte[] {(byte) 0xFF}));
        assertRefused(versioned(0x33, valid.clone().clearChainKey().build().toByteArray()));
        assertRefused(versioned(0x33, valid.clone().clearSigningKey().build().toByteArray()));
        assertRefused(versioned(0x33, valid.clone().setChainKey(ByteString.copyFrom(new byte[31])).build().toByteArray()));
        byte[] wrongType = Curve25519.withTypePrefix(signingKey);
        wrongType[0] = 0x06;
        assertRefused(versioned(0x33, valid.clone().setSigningKey(ByteString.copyFrom(wrongType)).build().toByteArray()));
        assertRefused(versioned(0x33, valid.clone().setIteration(-1).build().toByteArray()));
    }

    @Test
    void skmsgIsSignedVersionAndProtoFollowedBySignature() throws Exception {
        SenderKeyTestParties parties = new SenderKeyTestParties(41);
        SenderKeyDistributionMessage skdm = parties.aliceBuilder.createDistributionMessage(ALICE);
        byte[] first = parties.paddedPlaintext();
        byte[] second = parties.paddedPlaintext();
        byte[] skmsg0 = parties.encryptFromAlice(first);
        byte[] skmsg1 = parties.encryptFromAlice(second);

        for (int iteration = 0; iteration < 2; iteration++) {
            byte[] skmsg = iteration == 0 ? skmsg0 : skmsg1;
            assertEquals(0x33, skmsg[0]);
            byte[] signed = Arrays.copyOf(skmsg, skmsg.length - 64);
            assertTrue(XEdDsa.verify(skdm.signingPublicKey(), signed, Arrays.copyOfRange(skmsg, skmsg.length - 64, skmsg.length)));
            SignalGroupProtos.SenderKeyMessage proto =
                    SignalGroupProtos.SenderKeyMessage.parseFrom(Arrays.copyOfRange(signed, 1, signed.length));
            assertEquals(skdm.keyId(), proto.getId());
            assertEquals(iteration, proto.getIteration());
            byte[] expected = specCiphertext(skdm.chainKey(), iteration, iteration == 0 ? first : second);
            assertArrayEquals(expected, proto.getCiphertext().toByteArray(), "iteration " + iteration);
        }
    }

    @Test
    void skmsgParsingRefusesShortOrForeignInput() {
        assertThrows(SenderKeyException.class, () -> SenderKeyMessage.parse(new byte[64]));
        byte[] body = SignalGroupProtos.SenderKeyMessage.newBuilder().setId(1).setIteration(0)
                .setCiphertext(ByteString.copyFrom(new byte[16])).build().toByteArray();
        byte[] withSignature = Arrays.copyOf(versioned(0x33, body), 1 + body.length + 64);
        SenderKeyMessage parsed = assertDoesParse(withSignature);
        assertEquals(1, parsed.keyId());
        withSignature[0] = 0x22;
        assertThrows(SenderKeyException.class, () -> SenderKeyMessage.parse(withSignature));
        byte[] noIteration = SignalGroupProtos.SenderKeyMessage.newBuilder().setId(1)
                .setCiphertext(ByteString.copyFrom(new byte[16])).build().toByteArray();
        assertThrows(SenderKeyException.class,
                () -> SenderKeyMessage.parse(Arrays.copyOf(versioned(0x33, noIteration), 1 + noIteration.length + 64)));
    }

    /**
     * The sender-key schedule of docs/protocol.md, Signal, literally: CK_i by HMAC(CK, 0x02) steps, seed = HMAC(CK_i,
     * 0x01), HKDF(seed, 0×32, "WhisperGroup", 48), iv = [0..16], key = [16..48], AES-256-CBC with PKCS#7.
     */
    private static byte[] specCiphertext(byte[] chainKey, int iteration, byte[] plaintext) throws Exception {
        byte[] ck = chainKey;
        for (int i = 0; i < iteration; i++) {
            ck = hmac(ck, (byte) 0x02);
        }
        byte[] derived = Hkdf.sha256(new byte[32], hmac(ck, (byte) 0x01),
                "WhisperGroup".getBytes(StandardCharsets.US_ASCII), 48);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(derived, 16, 48), "AES"),
                new IvParameterSpec(Arrays.copyOfRange(derived, 0, 16)));
        return aes.doFinal(plaintext);
    }

    private static byte[] hmac(byte[] key, byte input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(new byte[] {input});
    }

    private static SenderKeyMessage assertDoesParse(byte[] bytes) {
        try {
            return SenderKeyMessage.parse(bytes);
        } catch (SenderKeyException e) {
            throw new AssertionError("refused well-formed skmsg", e);
        }
    }

    private static void assertRefused(byte[] skdm) {
        assertThrows(SenderKeyException.class, () -> SenderKeyDistributionMessage.parse(skdm));
    }

    private static byte[] versioned(int version, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) version;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }
}
