package app.statustracker.wa.status;

import java.util.Arrays;
import java.util.Objects;

/**
 * Our current status sender key as a receiver needs it: its key id (SenderKeyDistributionMessage.id, random
 * 31 bits) and the axolotl SKDM bytes {@code 0x33 ‖ proto{id, iteration, chainKey, signingKey}}
 * (docs/protocol.md, Signal).
 */
public record SenderKeyDistribution(int keyId, byte[] message) {
    public SenderKeyDistribution {
        message = Objects.requireNonNull(message, "message").clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SenderKeyDistribution d && keyId == d.keyId
                && Arrays.equals(message, d.message);
    }

    @Override
    public int hashCode() {
        return 31 * keyId + Arrays.hashCode(message);
    }

    @Override
    public String toString() {
        return "SenderKeyDistribution[keyId=" + keyId + "]";
    }
}
