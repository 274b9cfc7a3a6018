package app.statustracker.simulator.pairing;

import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentityHMAC;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The primary phone's half of ADV (docs/protocol.md, Pairing and Signal): it signs a companion's identity into the
 * pair-success container and checks the companion's pair-device-sign against exactly what it signed.
 * Only E2EE (non-hosted) accounts: hosted prefixes are not simulated.
 */
public final class AdvIdentityIssuer {
    static final byte[] ACCOUNT_SIGNATURE_PREFIX = {6, 0};
    static final byte[] DEVICE_SIGNATURE_PREFIX = {6, 1};

    private AdvIdentityIssuer() {
    }

    public static IssuedIdentity issue(Curve25519KeyPair accountKey, int rawId, int keyIndex, long timestamp,
                                       byte[] companionIdentity, byte[] advSecret) {
        requireLength(companionIdentity, 32, "companion identity key");
        requireLength(advSecret, 32, "adv secret");
        // keyIndex must be present: Baileys calls keyIndex.toString() (docs/protocol.md, Pairing)
        byte[] details = ADVDeviceIdentity.newBuilder().setRawId(rawId).setTimestamp(timestamp)
                .setKeyIndex(keyIndex).build().toByteArray();
        byte[] accountSignature = XEdDsa.sign(accountKey.privateKey(),
                accountSignatureMessage(details, companionIdentity));
        byte[] signed = ADVSignedDeviceIdentity.newBuilder()
                .setDetails(ByteString.copyFrom(details))
                .setAccountSignatureKey(ByteString.copyFrom(accountKey.publicKey()))
                .setAccountSignature(ByteString.copyFrom(accountSignature))
                .build().toByteArray();
        byte[] container = ADVSignedDeviceIdentityHMAC.newBuilder()
                .setDetails(ByteString.copyFrom(signed))
                .setHmac(ByteString.copyFrom(hmac(advSecret, signed)))
                .build().toByteArray();
        return new IssuedIdentity(keyIndex, details, accountSignature, companionIdentity, container);
    }

    /**
     * Checks a companion's {@code <device-identity>} from pair-device-sign and returns the complete
     * ADVSignedDeviceIdentity the server keeps (with the account key put back).
     */
    public static ADVSignedDeviceIdentity verifyDeviceSign(IssuedIdentity issued, byte[] accountKey,
                                                           String keyIndexAttribute, byte[] content)
            throws LinkRejectedException {
        if (!Integer.toString(issued.keyIndex()).equals(keyIndexAttribute)) {
            throw new LinkRejectedException("key-index attribute " + keyIndexAttribute + " is not the issued "
                    + issued.keyIndex());
        }
        if (content == null) {
            throw new LinkRejectedException("<device-identity> carries no bytes");
        }
        ADVSignedDeviceIdentity reply;
        try {
            reply = ADVSignedDeviceIdentity.parseFrom(content);
        } catch (InvalidProtocolBufferException e) {
            throw new LinkRejectedException("<device-identity> is not an ADVSignedDeviceIdentity: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(reply.getDetails().toByteArray(), issued.details())) {
            throw new LinkRejectedException("details differ from the issued ADVDeviceIdentity");
        }
        // the companion re-encodes without the account key (docs/protocol.md, Pairing; Baileys and whatsmeow both do)
        if (reply.hasAccountSignatureKey()) {
            throw new LinkRejectedException("accountSignatureKey must be left out of pair-device-sign");
        }
        if (!MessageDigest.isEqual(reply.getAccountSignature().toByteArray(), issued.accountSignature())) {
            throw new LinkRejectedException("accountSignature differs from the issued one");
        }
        byte[] deviceSignature = reply.getDeviceSignature().toByteArray();
        if (deviceSignature.length != XEdDsa.SIGNATURE_LENGTH) {
            throw new LinkRejectedException("deviceSignature must be 64 bytes, got " + deviceSignature.length);
        }
        byte[] message = deviceSignatureMessage(issued.details(), issued.companionIdentity(), accountKey);
        if (!XEdDsa.verify(issued.companionIdentity(), message, deviceSignature)) {
            throw new LinkRejectedException("deviceSignature does not verify with the companion identity key over "
                    + "06 01 ‖ details ‖ identity ‖ accountKey");
        }
        return reply.toBuilder().setAccountSignatureKey(ByteString.copyFrom(accountKey)).build();
    }

    /** {@code 06 00 ‖ details ‖ companionIdentity}: what the account key signs. */
    public static byte[] accountSignatureMessage(byte[] details, byte[] companionIdentity) {
        return concat(ACCOUNT_SIGNATURE_PREFIX, details, companionIdentity);
    }

    /** {@code 06 01 ‖ details ‖ companionIdentity ‖ accountKey}: what the companion identity signs. */
    public static byte[] deviceSignatureMessage(byte[] details, byte[] companionIdentity, byte[] accountKey) {
        return concat(DEVICE_SIGNATURE_PREFIX, details, companionIdentity, accountKey);
    }

    public static byte[] hmac(byte[] advSecret, byte[] signedIdentity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(advSecret, "HmacSHA256"));
            return mac.doFinal(signedIdentity);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    private static void requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
    }
}
