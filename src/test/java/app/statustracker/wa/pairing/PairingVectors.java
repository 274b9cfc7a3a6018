package app.statustracker.wa.pairing;

import app.statustracker.wa.crypto.Curve25519KeyPair;

/** Inputs shared with src/test/resources/vectors/pairing-vectors.js: byte runs counting up from a start. */
final class PairingVectors {
    private PairingVectors() {
    }

    static byte[] seq(int start, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (start + i);
        }
        return out;
    }

    static Curve25519KeyPair key(int start) {
        return Curve25519KeyPair.fromPrivateKey(seq(start, 32));
    }
}
