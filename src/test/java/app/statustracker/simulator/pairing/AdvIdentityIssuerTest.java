package app.statustracker.simulator.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentityHMAC;
import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The primary's ADV signing and the strict check of a companion's answer, verified with our XEdDSA. */
class AdvIdentityIssuerTest {
    private final Curve25519KeyPair account = Curve25519.generateKeyPair();
    private final Curve25519KeyPair companion = Curve25519.generateKeyPair();
    private final byte[] advSecret = random(32);
    private final IssuedIdentity issued = AdvIdentityIssuer.issue(account, 4242, 7, 1_700_000_000L,
            companion.publicKey(), advSecret);

    @Test
    void containerCarriesAValidHmacAccountSignatureAndKeyIndex() throws Exception {
        ADVSignedDeviceIdentityHMAC container = ADVSignedDeviceIdentityHMAC.parseFrom(issued.container());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(advSecret, "HmacSHA256"));
        assertArrayEquals(mac.doFinal(container.getDetails().toByteArray()), container.getHmac().toByteArray());
        assertFalse(container.hasAccountType(), "E2EE accounts leave accountType out (HOSTED changes prefixes)");

        ADVSignedDeviceIdentity signed = ADVSignedDeviceIdentity.parseFrom(container.getDetails());
        assertArrayEquals(account.publicKey(), signed.getAccountSignatureKey().toByteArray());
        assertFalse(signed.hasDeviceSignature());
        byte[] message = concat(new byte[] {6, 0}, signed.getDetails().toByteArray(), companion.publicKey());
        assertTrue(XEdDsa.verify(account.publicKey(), message, signed.getAccountSignature().toByteArray()));

        ADVDeviceIdentity details = ADVDeviceIdentity.parseFrom(signed.getDetails());
        assertTrue(details.hasKeyIndex(), "Baileys crashes without keyIndex");
        assertEquals(7, details.getKeyIndex());
        assertEquals(4242, details.getRawId());
        assertEquals(1_700_000_000L, details.getTimestamp());
    }

    @Test
    void aCorrectCompanionAnswerIsAcceptedAndCompletedWithTheAccountKey() throws Exception {
        ADVSignedDeviceIdentity stored = AdvIdentityIssuer.verifyDeviceSign(issued, account.publicKey(), "7",
                companionAnswer(new byte[] {6, 1}, false).toByteArray());
        assertArrayEquals(account.publicKey(), stored.getAccountSignatureKey().toByteArray());
        assertEquals(64, stored.getDeviceSignature().size());
    }

    @Test
    void aTamperedDeviceSignatureIsRefused() {
        ADVSignedDeviceIdentity answer = companionAnswer(new byte[] {6, 1}, false);
        byte[] signature = answer.getDeviceSignature().toByteArray();
        signature[5] ^= 0x01;
        byte[] tampered = answer.toBuilder().setDeviceSignature(ByteString.copyFrom(signature)).build().toByteArray();
        LinkRejectedException refused = assertThrows(LinkRejectedException.class,
                () -> AdvIdentityIssuer.verifyDeviceSign(issued, account.publicKey(), "7", tampered));
        assertTrue(refused.getMessage().contains("deviceSignature does not verify"), refused.getMessage());
    }

    @Test
    void aSignatureOverTheWrongPrefixIsRefused() {
        byte[] accountPrefix = companionAnswer(new byte[] {6, 0}, false).toByteArray();
        assertThrows(LinkRejectedException.class,
                () -> AdvIdentityIssuer.verifyDeviceSign(issued, account.publicKey(), "7", accountPrefix));
    }

    @Test
    void anAnswerStillCarryingTheAccountKeyOrTheWrongKeyIndexIsRefused() {
        byte[] withKey = companionAnswer(new byte[] {6, 1}, true).toByteArray();
        assertThrows(LinkRejectedException.class,
                () -> AdvIdentityIssuer.verifyDeviceSign(issued, account.publicKey(), "7", withKey));
        byte[] good = companionAnswer(new byte[] {6, 1}, false).toByteArray();
        assertThrows(LinkRejectedException.class,
                () -> AdvIdentityIssuer.verifyDeviceSign(issued, account.publicKey(), "8", good));
        assertThrows(LinkRejectedException.class,
                () -> AdvIdentityIssuer.verifyDeviceSign(issued, account.publicKey(), "7", new byte[] {0x0a, 0x7f}));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        Curve25519KeyPair stranger = Curve25519.generateKeyPair();
        byte[] message = AdvIdentityIssuer.deviceSignatureMessage(issued.details(), companion.publicKey(),
                account.publicKey());
        byte[] answer = ADVSignedDeviceIdentity.newBuilder().setDetails(ByteString.copyFrom(issued.details()))
                .setAccountSignature(ByteString.copyFrom(issued.accountSignature()))
                .setDeviceSignature(ByteString.copyFrom(XEdDsa.sign(stranger.privateKey(), message)))
                .build().toByteArray();
        assertThrows(LinkRejectedException.class,
                () -> AdvIdentityIssuer.verifyDeviceSign(issued, account.publicKey(), "7", answer));
    }

    /** What a companion sends back (docs/protocol.md, Pairing), signing with {@code prefix}. */
    private ADVSignedDeviceIdentity companionAnswer(byte[] prefix, boolean keepAccountKey) {
        byte[] message = concat(prefix, issued.details(), companion.publicKey(), account.publicKey());
        ADVSignedDeviceIdentity.Builder answer = ADVSignedDeviceIdentity.newBuilder()
                .setDetails(ByteString.copyFrom(issued.details()))
                .setAccountSignature(ByteString.copyFrom(issued.accountSignature()))
                .setDeviceSignature(ByteString.copyFrom(XEdDsa.sign(companion.privateKey(), message)));
        if (keepAccountKey) {
            answer.setAccountSignatureKey(ByteString.copyFrom(account.publicKey()));
        }
        return answer.build();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
