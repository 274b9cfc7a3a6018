package app.statustracker.persistence;

import app.statustracker.persistence.proto.StoredCredentialsProtos.StoredCredentials;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.client.DeviceCredentials;
import app.statustracker.wa.client.Me;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.signal.SignedPreKey;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * DeviceCredentials ↔ bytes, through our own protobuf ({@code stored_credentials.proto}) so that fields can be
 * added later without breaking stored rows. Only private keys are stored; public keys are derived again.
 */
public final class CredentialsCodec {
    private CredentialsCodec() {
    }

    public static byte[] encode(DeviceCredentials c) {
        StoredCredentials.Builder b = StoredCredentials.newBuilder()
                .setNoisePrivateKey(bytes(c.noiseKey().privateKey()))
                .setIdentityPrivateKey(bytes(c.identityKey().privateKey()))
                .setSignedPreKeyId(c.signedPreKey().id())
                .setSignedPreKeyPrivateKey(bytes(c.signedPreKey().keyPair().privateKey()))
                .setSignedPreKeySignature(bytes(c.signedPreKey().signature()))
                .setRegistrationId(c.registrationId())
                .setAdvSecret(bytes(c.advSecret()))
                .setPairingEphemeralPrivateKey(bytes(c.pairingEphemeralKey().privateKey()))
                .setNextPreKeyId(c.nextPreKeyId())
                .setFirstUnuploadedPreKeyId(c.firstUnuploadedPreKeyId());
        Me me = c.me();
        if (me != null) {
            b.setMePhoneNumberJid(me.phoneNumber().toString());
            if (me.lid() != null) {
                b.setMeLidJid(me.lid().toString());
            }
            if (me.name() != null) {
                b.setMeName(me.name());
            }
        }
        if (c.account() != null) {
            b.setAccount(bytes(c.account()));
        }
        if (c.platform() != null) {
            b.setPlatform(c.platform());
        }
        return b.build().toByteArray();
    }

    public static DeviceCredentials decode(byte[] data) {
        try {
            StoredCredentials s = StoredCredentials.parseFrom(data);
            Curve25519KeyPair identity = key(s.getIdentityPrivateKey());
            Me me = s.hasMePhoneNumberJid()
                    ? new Me(jid(s.getMePhoneNumberJid()), s.hasMeLidJid() ? jid(s.getMeLidJid()) : null,
                    s.hasMeName() ? s.getMeName() : null)
                    : null;
            return new DeviceCredentials(key(s.getNoisePrivateKey()), identity,
                    new SignedPreKey(s.getSignedPreKeyId(), key(s.getSignedPreKeyPrivateKey()),
                            s.getSignedPreKeySignature().toByteArray()),
                    s.getRegistrationId(), s.getAdvSecret().toByteArray(), key(s.getPairingEphemeralPrivateKey()), me,
                    s.hasAccount() ? s.getAccount().toByteArray() : null, s.hasPlatform() ? s.getPlatform() : null,
                    s.getNextPreKeyId(), s.getFirstUnuploadedPreKeyId());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored credentials are not in the expected format", e);
        }
    }

    private static ByteString bytes(byte[] b) {
        return ByteString.copyFrom(b);
    }

    private static Curve25519KeyPair key(ByteString privateKey) {
        return Curve25519KeyPair.fromPrivateKey(privateKey.toByteArray());
    }

    private static Jid jid(String text) {
        return Jid.tryParse(text).orElseThrow(() -> new IllegalStateException("stored JID is malformed"));
    }
}
