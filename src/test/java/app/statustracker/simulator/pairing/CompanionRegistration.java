package app.statustracker.simulator.pairing;

import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.state.SignedPreKey;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.DevicePairingRegistrationData;

/**
 * The keys a new companion announced in its registration payload (docs/protocol.md, Login), checked as a server would
 * before it trusts them: field lengths, the 0x05 key type, and the signed pre-key's signature by the identity.
 *
 * @param noiseKey       the Noise static key the client proved in the handshake (its future login key)
 * @param identityKey    eIdent, 32 bytes
 * @param registrationId eRegid, 4 bytes big-endian
 * @param signedPreKey   eSkeyId / eSkeyVal / eSkeySig
 */
public record CompanionRegistration(byte[] noiseKey, byte[] identityKey, int registrationId,
                                    SignedPreKey signedPreKey) {

    public static CompanionRegistration from(RecordedClientPayload payload) throws LinkRejectedException {
        if (!payload.isRegistration()) {
            throw new LinkRejectedException("the connection sent a login payload, not a registration");
        }
        DevicePairingRegistrationData data = payload.payload().getDevicePairingData();
        byte[] identity = exact(data.getEIdent().toByteArray(), 32, "eIdent");
        byte[] registration = exact(data.getERegid().toByteArray(), 4, "eRegid");
        byte[] keyType = exact(data.getEKeytype().toByteArray(), 1, "eKeytype");
        if (keyType[0] != Curve25519.DJB_TYPE) {
            throw new LinkRejectedException("eKeytype must be 0x05");
        }
        byte[] skeyId = exact(data.getESkeyId().toByteArray(), 3, "eSkeyId");
        byte[] skey = exact(data.getESkeyVal().toByteArray(), 32, "eSkeyVal");
        byte[] signature = exact(data.getESkeySig().toByteArray(), 64, "eSkeySig");
        if (!XEdDsa.verify(identity, Curve25519.withTypePrefix(skey), signature)) {
            throw new LinkRejectedException("eSkeySig does not verify with eIdent over 0x05 ‖ eSkeyVal");
        }
        return new CompanionRegistration(payload.clientStaticKey(), identity, bigEndian(registration),
                new SignedPreKey(bigEndian(skeyId), skey, signature));
    }

    static int bigEndian(byte[] bytes) {
        int value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    private static byte[] exact(byte[] bytes, int length, String field) throws LinkRejectedException {
        if (bytes.length != length) {
            throw new LinkRejectedException(field + " must be " + length + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    public CompanionRegistration {
        noiseKey = noiseKey.clone();
        identityKey = identityKey.clone();
    }

    @Override
    public byte[] noiseKey() {
        return noiseKey.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }
}
