package app.statustracker.simulator.handler;

/** Big-endian integers in the fixed widths the encrypt nodes use (docs/protocol.md, Pre-keys). */
final class Bytes {
    private Bytes() {
    }

    static byte[] threeBytes(int value) {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] fourBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
