package app.statustracker.wa.noise;

/**
 * WhatsApp's AES-GCM IV for both the handshake and the transport: eight zero bytes, then the 32-bit
 * counter big-endian (docs/protocol.md, Connection). The counter never wraps: no client rekeys, so reaching
 * 2^32 messages on one key means the connection must end.
 */
final class CounterNonce {
    static final long LIMIT = 1L << 32;

    private CounterNonce() {
    }

    static byte[] iv(long counter) {
        if (counter < 0 || counter >= LIMIT) {
            throw new IllegalStateException("AES-GCM counter exhausted");
        }
        byte[] iv = new byte[12];
        iv[8] = (byte) (counter >>> 24);
        iv[9] = (byte) (counter >>> 16);
        iv[10] = (byte) (counter >>> 8);
        iv[11] = (byte) counter;
        return iv;
    }
}
