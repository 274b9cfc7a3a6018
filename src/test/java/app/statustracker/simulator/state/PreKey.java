package app.statustracker.simulator.state;

/**
 * A one-time pre-key as uploaded (§6.2): 24-bit id, raw 32-byte public key.
 */
public record PreKey(int id, byte[] publicKey) {
    public PreKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
