package app.statustracker.wa.signal;

import java.util.OptionalInt;

/**
 * What an initiator repeats in every pkmsg until the first reply arrives (docs/protocol.md, Signal): the pre-keys of
 * the bundle it used and its X3DH base key. libsignal-node drops it only on a successful decryption.
 */
record PendingPreKey(OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey) {
}
