package app.statustracker.simulator.state;

/**
 * A signed pre-key (docs/protocol.md, Pre-keys): id, raw 32-byte public key, XEdDSA signature by the identity over
 * 0x05 ‖ key.
 */
public record SignedPreKey(int id, byte[] publicKey, byte[] signature) {
    public SignedPreKey {
        publicKey = publicKey.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
