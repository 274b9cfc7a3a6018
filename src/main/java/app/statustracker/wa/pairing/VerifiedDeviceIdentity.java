package app.statustracker.wa.pairing;

/**
 * A pair-success identity that passed the checks of docs/protocol.md, Pairing, countersigned by us.
 *
 * @param account             ADVSignedDeviceIdentity with all four fields: persist it, it goes out later as
 *                            {@code <device-identity>} in pkmsg stanzas
 * @param pairDeviceSignReply the same without accountSignatureKey, the content of our pair-device-sign answer
 * @param keyIndex            ADVDeviceIdentity.keyIndex, the {@code key-index} attribute of the answer
 * @param accountSignatureKey the primary's identity public key (32 bytes)
 */
public record VerifiedDeviceIdentity(byte[] account, byte[] pairDeviceSignReply, int keyIndex,
                                     byte[] accountSignatureKey) {
}
