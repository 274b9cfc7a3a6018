package app.statustracker.simulator.state;

/**
 * A one-time pre-key as uploaded (docs/protocol.md, Pre-keys): 24-bit id, raw 32-byte public key.
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
