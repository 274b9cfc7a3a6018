package app.statustracker.wa.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Curve25519 key pair in raw form: a clamped 32-byte X25519 scalar and its 32-byte Montgomery u-coordinate.
 * The same pair does X25519 agreement and XEdDSA signatures. Getters hand out copies so that a caller
 * cannot change a stored key by accident.
 */
public final class Curve25519KeyPair {
    private final byte[] privateKey;
    private final byte[] publicKey;

    Curve25519KeyPair(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey.clone();
        this.publicKey = publicKey.clone();
    }

    /** Rebuilds a pair from a stored private key (clamping it, as libsignal and whatsmeow do at generation). */
    public static Curve25519KeyPair fromPrivateKey(byte[] privateKey) {
        byte[] clamped = Curve25519.clamp(privateKey);
        return new Curve25519KeyPair(clamped, Curve25519.publicKeyOf(clamped));
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Curve25519KeyPair that
                && Arrays.equals(privateKey, that.privateKey)
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Curve25519KeyPair[public=" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
