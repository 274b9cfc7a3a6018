package app.statustracker.wa.crypto;

import java.math.BigInteger;

/**
 * A point on the twisted Edwards curve edwards25519 in extended coordinates (X:Y:Z:T, x = X/Z, y = Y/Z,
 * xy = T/Z), with plain BigInteger field arithmetic. Only XEdDSA signing needs it (BouncyCastle exposes no
 * scalar multiplication on a raw scalar): signing is rare, so clarity wins over speed and constant time
 * (docs/decisions.md, Signal pairwise sessions).
 */
final class EdwardsPoint {
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** Order of the prime-order subgroup, 2^252 + 27742317777372353535851937790883648493. */
    static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    /** d = −121665 / 121666 mod p. */
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger TWO_D = D.shiftLeft(1).mod(P);

    /** The standard base point: y = 4/5, x even (RFC 8032 §5.1). */
    static final EdwardsPoint BASE = affine(
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
            new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960"));
    private static final EdwardsPoint IDENTITY =
            new EdwardsPoint(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

    private final BigInteger x;
    private final BigInteger y;
    private final BigInteger z;
    private final BigInteger t;

    private EdwardsPoint(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    private static EdwardsPoint affine(BigInteger x, BigInteger y) {
        return new EdwardsPoint(x, y, BigInteger.ONE, x.multiply(y).mod(P));
    }

    /** Unified addition for a = −1 (RFC 8032 §5.1.4); also correct for doubling. */
    EdwardsPoint add(EdwardsPoint q) {
        BigInteger a = y.subtract(x).multiply(q.y.subtract(q.x)).mod(P);
        BigInteger b = y.add(x).multiply(q.y.add(q.x)).mod(P);
        BigInteger c = t.multiply(TWO_D).multiply(q.t).mod(P);
        BigInteger d = z.shiftLeft(1).multiply(q.z).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new EdwardsPoint(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
    }

    /** k·this for a non-negative scalar, by double-and-add from the top bit. */
    EdwardsPoint multiply(BigInteger k) {
        EdwardsPoint result = IDENTITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = result.add(result);
            if (k.testBit(i)) {
                result = result.add(this);
            }
        }
        return result;
    }

    /** RFC 8032 encoding: y little-endian in 255 bits, the parity of x in bit 255. */
    byte[] encode() {
        BigInteger zInverse = z.modInverse(P);
        BigInteger affineX = x.multiply(zInverse).mod(P);
        BigInteger affineY = y.multiply(zInverse).mod(P);
        byte[] out = littleEndian(affineY);
        if (affineX.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    static BigInteger fromLittleEndian(byte[] bytes, int offset, int length) {
        byte[] bigEndian = new byte[length + 1];
        for (int i = 0; i < length; i++) {
            bigEndian[length - i] = bytes[offset + i];
        }
        return new BigInteger(bigEndian);
    }
}
