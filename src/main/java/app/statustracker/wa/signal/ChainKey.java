package app.statustracker.wa.signal;

/**
 * One link of a sending or receiving chain (docs/protocol.md, Signal): the key for message {@code index}.
 * libsignal-node counts "last used" from −1; here {@code index} is the next unused one, i.e. its counter + 1.
 */
record ChainKey(byte[] key, int index) {
    private static final byte[] MESSAGE_KEY_SEED = {0x01};
    private static final byte[] CHAIN_KEY_SEED = {0x02};

    /** HMAC(CK, 0x01): what the message keys of message {@code index} are derived from. */
    byte[] messageKeySeed() {
        return HmacSha256.mac(key, MESSAGE_KEY_SEED);
    }

    /** HMAC(CK, 0x02): the key for message {@code index + 1}. */
    ChainKey next() {
        return new ChainKey(HmacSha256.mac(key, CHAIN_KEY_SEED), index + 1);
    }
}
