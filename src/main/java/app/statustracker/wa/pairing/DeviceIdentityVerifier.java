package app.statustracker.wa.pairing;

import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVEncryptionType;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentityHMAC;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code <device-identity>} of pair-success strictly (docs/protocol.md, Pairing, whatsmeow pair.go): the
 * HMAC keyed with our adv secret, then the primary's account signature over our identity; then signs it as
 * this device. Baileys rc14 skips the account check in effect (its signature check cannot fail:
 * docs/protocol.md, Connection); we do not.
 */
public final class DeviceIdentityVerifier {
    private static final byte[] ACCOUNT_SIG_PREFIX = {6, 0};
    private static final byte[] DEVICE_SIG_PREFIX = {6, 1};
    private static final byte[] HOSTED_ACCOUNT_SIG_PREFIX = {6, 5};
    private static final byte[] HOSTED_DEVICE_SIG_PREFIX = {6, 6};

    private DeviceIdentityVerifier() {
    }

    public static VerifiedDeviceIdentity verify(byte[] container, byte[] advSecret, Curve25519KeyPair identity)
            throws PairingRejectedException, PairingProtocolException {
        ADVSignedDeviceIdentityHMAC hmacContainer = parse(() -> ADVSignedDeviceIdentityHMAC.parseFrom(container),
                "ADVSignedDeviceIdentityHMAC");
        if (!hmacContainer.hasDetails() || !hmacContainer.hasHmac()) {
            throw new PairingProtocolException("device identity container lacks details or hmac");
        }
        byte[] signedBytes = hmacContainer.getDetails().toByteArray();
        boolean hostedAccount = hmacContainer.getAccountType() == ADVEncryptionType.HOSTED;
        byte[] macInput = hostedAccount ? CompanionFinish.concat(HOSTED_ACCOUNT_SIG_PREFIX, signedBytes) : signedBytes;
        if (!MessageDigest.isEqual(hmacSha256(advSecret, macInput), hmacContainer.getHmac().toByteArray())) {
            throw new HmacMismatchException("pair-success HMAC does not match our adv secret");
        }

        ADVSignedDeviceIdentity signed = parse(() -> ADVSignedDeviceIdentity.parseFrom(signedBytes),
                "ADVSignedDeviceIdentity");
        byte[] details = signed.getDetails().toByteArray();
        ADVDeviceIdentity deviceIdentity = parse(() -> ADVDeviceIdentity.parseFrom(details), "ADVDeviceIdentity");
        byte[] accountKey = signed.getAccountSignatureKey().toByteArray();
        byte[] accountSignature = signed.getAccountSignature().toByteArray();
        if (accountKey.length != 32 || accountSignature.length != XEdDsa.SIGNATURE_LENGTH) {
            throw new SignatureMismatchException("account signature key or signature has the wrong length ("
                    + accountKey.length + ", " + accountSignature.length + ")");
        }
        boolean hostedDevice = deviceIdentity.getDeviceType() == ADVEncryptionType.HOSTED;
        byte[] ownIdentity = identity.publicKey();
        byte[] accountMessage = CompanionFinish.concat(
                hostedDevice ? HOSTED_ACCOUNT_SIG_PREFIX : ACCOUNT_SIG_PREFIX, details, ownIdentity);
        if (!XEdDsa.verify(accountKey, accountMessage, accountSignature)) {
            throw new SignatureMismatchException("the primary's account signature over our identity is invalid");
        }

        byte[] deviceMessage = CompanionFinish.concat(
                hostedDevice ? HOSTED_DEVICE_SIG_PREFIX : DEVICE_SIG_PREFIX, details, ownIdentity, accountKey);
        byte[] deviceSignature = XEdDsa.sign(identity.privateKey(), deviceMessage);
        ADVSignedDeviceIdentity account = signed.toBuilder()
                .setDeviceSignature(ByteString.copyFrom(deviceSignature)).build();
        // the server must not get the account key back (docs/protocol.md, Pairing: fields 1, 3, 4 only)
        byte[] reply = account.toBuilder().clearAccountSignatureKey().build().toByteArray();
        return new VerifiedDeviceIdentity(account.toByteArray(), reply, deviceIdentity.getKeyIndex(), accountKey);
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parser<T> parser, String what) throws PairingProtocolException {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new PairingProtocolException("malformed " + what + ": " + e.getMessage(), e);
        }
    }
}
