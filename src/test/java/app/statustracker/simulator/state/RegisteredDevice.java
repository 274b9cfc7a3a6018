package app.statustracker.simulator.state;

/**
 * A companion device linked to an account: what a login payload is checked against (docs/protocol.md, Simulator) and
 * what the primary signed for it (docs/protocol.md, Pairing).
 *
 * @param deviceId       the device number in {@code <pn>:<device>@s.whatsapp.net}
 * @param noiseKey       the device's Noise static public key, its login credential
 * @param identityKey    the device's Signal identity public key (32 bytes), or null for a device a test
 *                       added without pairing
 * @param registrationId the Signal registration id from its registration payload (0 when unknown)
 * @param keyIndex       the ADV key index the primary gave it (0 when unknown)
 * @param signedIdentity the full ADVSignedDeviceIdentity (with account key and both signatures), or null
 * @param preKeys        the keys the device uploaded, held by the server for its contacts
 */
public record RegisteredDevice(int deviceId, byte[] noiseKey, byte[] identityKey, int registrationId,
                               int keyIndex, byte[] signedIdentity, DevicePreKeys preKeys) {
    public RegisteredDevice {
        noiseKey = noiseKey.clone();
        identityKey = identityKey == null ? null : identityKey.clone();
        signedIdentity = signedIdentity == null ? null : signedIdentity.clone();
        if (preKeys == null) {
            preKeys = new DevicePreKeys();
        }
    }

    /** A device known only by its Noise key, for transport tests that skip pairing. */
    public RegisteredDevice(int deviceId, byte[] noiseKey) {
        this(deviceId, noiseKey, null, 0, 0, null, null);
    }

    @Override
    public byte[] noiseKey() {
        return noiseKey.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey == null ? null : identityKey.clone();
    }

    @Override
    public byte[] signedIdentity() {
        return signedIdentity == null ? null : signedIdentity.clone();
    }
}
