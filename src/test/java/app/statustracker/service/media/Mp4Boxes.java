package app.statustracker.service.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Finds top-level boxes in MP4 test fixtures, to corrupt or rearrange them. */
final class Mp4Boxes {
    private Mp4Boxes() {
    }

    /** Offset and size of the first top-level box of {@code type}, or null. */
    static long[] find(byte[] file, String type) {
        int at = 0;
        while (at + 8 <= file.length) {
            long size = ByteBuffer.wrap(file, at, 4).getInt() & 0xFFFFFFFFL;
            String boxType = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                size = ByteBuffer.wrap(file, at + 8, 8).getLong();
            } else if (size == 0) {
                size = file.length - at;
            }
            if (boxType.equals(type)) {
                return new long[] {at, size};
            }
            at += (int) size;
        }
        return null;
    }
}
