package app.statustracker.wa.signal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One link of a sender-key chain: {@code seed(i) = HMAC-SHA256(CK_i, 0x01)} gives the message key of
 * iteration i, {@code CK_{i+1} = HMAC-SHA256(CK_i, 0x02)} the next link (docs/protocol.md, Signal). Immutable.
 */
final class SenderChainKey {
    static final int LENGTH = 32;
    private static final byte[] MESSAGE_KEY_SEED = {0x01};
    private static final byte[] CHAIN_KEY_SEED = {0x02};

    private final int iteration;
    private final byte[] key;

    SenderChainKey(int iteration, byte[] key) {
        if (iteration < 0) {
            throw new IllegalArgumentException("chain iteration must be 0..2^31-1, got " + Integer.toUnsignedString(iteration));
        }
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("chain key must be 32 bytes");
        }
        this.iteration = iteration;
        this.key = key.clone();
    }

    int iteration() {
        return iteration;
    }

    byte[] key() {
        return key.clone();
    }

    SenderMessageKey messageKey() {
        return new SenderMessageKey(iteration, hmac(MESSAGE_KEY_SEED));
    }

    SenderChainKey next() {
        if (iteration == Integer.MAX_VALUE) {
            throw new IllegalStateException("sender chain exhausted");
        }
        return new SenderChainKey(iteration + 1, hmac(CHAIN_KEY_SEED));
    }

    private byte[] hmac(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
