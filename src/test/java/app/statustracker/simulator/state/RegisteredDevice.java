package app.statustracker.simulator.state;

/**
 * A companion device linked to an account: what a login payload is checked against (§14.2).
 *
 * @param deviceId the device number in {@code <pn>:<device>@s.whatsapp.net}
 * @param noiseKey the device's Noise static public key, its login credential
 */
public record RegisteredDevice(int deviceId, byte[] noiseKey) {
    public RegisteredDevice {
        noiseKey = noiseKey.clone();
    }

    @Override
    public byte[] noiseKey() {
        return noiseKey.clone();
    }
}
