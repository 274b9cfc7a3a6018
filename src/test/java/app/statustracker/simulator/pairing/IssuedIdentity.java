package app.statustracker.simulator.pairing;

/**
 * What the simulated primary signed for one companion (docs/protocol.md, Pairing), kept until the companion's
 * pair-device-sign comes back so the answer can be checked byte for byte.
 *
 * @param keyIndex          ADVDeviceIdentity.keyIndex, also the {@code key-index} attribute
 * @param details           serialized ADVDeviceIdentity
 * @param accountSignature  XEdDSA by the account key over {@code 06 00 ‖ details ‖ companionIdentity}
 * @param companionIdentity the companion's identity public key the signature covers
 * @param container         serialized ADVSignedDeviceIdentityHMAC, the {@code <device-identity>} content
 */
public record IssuedIdentity(int keyIndex, byte[] details, byte[] accountSignature, byte[] companionIdentity,
                             byte[] container) {
    public IssuedIdentity {
        details = details.clone();
        accountSignature = accountSignature.clone();
        companionIdentity = companionIdentity.clone();
        container = container.clone();
    }

    @Override
    public byte[] details() {
        return details.clone();
    }

    @Override
    public byte[] accountSignature() {
        return accountSignature.clone();
    }

    @Override
    public byte[] companionIdentity() {
        return companionIdentity.clone();
    }

    @Override
    public byte[] container() {
        return container.clone();
    }
}
