package app.statustracker.wa.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVEncryptionType;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentityHMAC;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

/** pair-success verification (docs/protocol.md, Pairing) against a primary written out here from
 * docs/protocol.md, Pairing. */
class DeviceIdentityVerifierTest {
    private final Curve25519KeyPair account = Curve25519.generateKeyPair();
    private final Curve25519KeyPair companion = Curve25519.generateKeyPair();
    private final byte[] advSecret = PairingVectors.seq(9, 32);

    private static byte[] details(ADVEncryptionType deviceType) {
        return ADVDeviceIdentity.newBuilder().setRawId(77).setTimestamp(1_700_000_000L).setKeyIndex(3)
                .setDeviceType(deviceType).build().toByteArray();
    }

    private ADVSignedDeviceIdentity signed(byte[] details, byte[] prefix, Curve25519KeyPair signer) {
        byte[] signature = XEdDsa.sign(signer.privateKey(),
                CompanionFinish.concat(prefix, details, companion.publicKey()));
        return ADVSignedDeviceIdentity.newBuilder().setDetails(ByteString.copyFrom(details))
                .setAccountSignatureKey(ByteString.copyFrom(account.publicKey()))
                .setAccountSignature(ByteString.copyFrom(signature)).build();
    }

    private byte[] container(ADVSignedDeviceIdentity signed, byte[] key) {
        byte[] bytes = signed.toByteArray();
        return ADVSignedDeviceIdentityHMAC.newBuilder().setDetails(ByteString.copyFrom(bytes))
                .setHmac(ByteString.copyFrom(DeviceIdentityVerifier.hmacSha256(key, bytes))).build().toByteArray();
    }

    @Test
    void validIdentityIsCountersignedAndTheReplyLacksTheAccountKey() throws Exception {
        byte[] details = details(ADVEncryptionType.E2EE);
        VerifiedDeviceIdentity verified = DeviceIdentityVerifier.verify(
                container(signed(details, new byte[] {6, 0}, account), advSecret), advSecret, companion);

        assertEquals(3, verified.keyIndex());
        assertArrayEquals(account.publicKey(), verified.accountSignatureKey());
        ADVSignedDeviceIdentity stored = ADVSignedDeviceIdentity.parseFrom(verified.account());
        assertTrue(stored.hasAccountSignatureKey());
        assertTrue(XEdDsa.verify(companion.publicKey(), CompanionFinish.concat(new byte[] {6, 1}, details,
                companion.publicKey(), account.publicKey()), stored.getDeviceSignature().toByteArray()));
        ADVSignedDeviceIdentity reply = ADVSignedDeviceIdentity.parseFrom(verified.pairDeviceSignReply());
        assertFalse(reply.hasAccountSignatureKey());
        assertEquals(stored.getDeviceSignature(), reply.getDeviceSignature());
        assertEquals(stored.getAccountSignature(), reply.getAccountSignature());
        assertEquals(stored.getDetails(), reply.getDetails());
    }

    @Test
    void wrongAdvSecretIsAnHmacMismatch() {
        byte[] container = container(signed(details(ADVEncryptionType.E2EE), new byte[] {6, 0}, account),
                PairingVectors.seq(10, 32));
        HmacMismatchException e = assertThrows(HmacMismatchException.class,
                () -> DeviceIdentityVerifier.verify(container, advSecret, companion));
        assertEquals("hmac-mismatch", e.errorText());
        assertEquals(401, e.errorCode());
    }

    @Test
    void tamperedDetailsUnderAFreshHmacAreASignatureMismatch() {
        ADVSignedDeviceIdentity genuine = signed(details(ADVEncryptionType.E2EE), new byte[] {6, 0}, account);
        ADVSignedDeviceIdentity tampered = genuine.toBuilder().setDetails(ByteString.copyFrom(
                ADVDeviceIdentity.newBuilder().setRawId(77).setTimestamp(1_700_000_000L).setKeyIndex(4).build()
                        .toByteArray())).build();
        SignatureMismatchException e = assertThrows(SignatureMismatchException.class,
                () -> DeviceIdentityVerifier.verify(container(tampered, advSecret), advSecret, companion));
        assertEquals("signature-mismatch", e.errorText());
    }

    @Test
    void signatureByAnotherKeyOrWithTheDevicePrefixIsRefused() {
        Curve25519KeyPair stranger = Curve25519.generateKeyPair();
        byte[] details = details(ADVEncryptionType.E2EE);
        assertThrows(SignatureMismatchException.class, () -> DeviceIdentityVerifier.verify(
                container(signed(details, new byte[] {6, 0}, stranger), advSecret), advSecret, companion));
        assertThrows(SignatureMismatchException.class, () -> DeviceIdentityVerifier.verify(
                container(signed(details, new byte[] {6, 1}, account), advSecret), advSecret, companion));
        // signed for another companion identity
        assertThrows(SignatureMismatchException.class, () -> DeviceIdentityVerifier.verify(
                container(signed(details, new byte[] {6, 0}, account), advSecret), advSecret,
                Curve25519.generateKeyPair()));
    }

    @Test
    void missingSignatureIsASignatureMismatch() {
        ADVSignedDeviceIdentity unsigned = signed(details(ADVEncryptionType.E2EE), new byte[] {6, 0}, account)
                .toBuilder().clearAccountSignature().build();
        assertThrows(SignatureMismatchException.class,
                () -> DeviceIdentityVerifier.verify(container(unsigned, advSecret), advSecret, companion));
    }

    @Test
    void hostedDeviceUsesTheHostedPrefixes() throws Exception {
        byte[] details = details(ADVEncryptionType.HOSTED);
        VerifiedDeviceIdentity verified = DeviceIdentityVerifier.verify(
                container(signed(details, new byte[] {6, 5}, account), advSecret), advSecret, companion);
        ADVSignedDeviceIdentity stored = ADVSignedDeviceIdentity.parseFrom(verified.account());
        assertTrue(XEdDsa.verify(companion.publicKey(), CompanionFinish.concat(new byte[] {6, 6}, details,
                companion.publicKey(), account.publicKey()), stored.getDeviceSignature().toByteArray()));
    }

    @Test
    void garbageIsAProtocolError() {
        assertThrows(PairingProtocolException.class,
                () -> DeviceIdentityVerifier.verify(new byte[] {(byte) 0xFF, 1, 2}, advSecret, companion));
        assertThrows(PairingProtocolException.class,
                () -> DeviceIdentityVerifier.verify(new byte[0], advSecret, companion));
    }
}
