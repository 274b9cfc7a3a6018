package app.statustracker.wa.binary;

import java.io.ByteArrayOutputStream;

/**
 * NIBBLE_8 / HEX_8 packing: two characters per byte, high nibble first; the length byte holds the number
 * of packed bytes, with bit 0x80 marking an odd length whose last nibble (15) is padding.
 */
final class PackedString {
    private static final int PADDING = 15;

    private PackedString() {
    }

    /** Digits, '-' and '.', 1..127 characters (Baileys isNibble). */
    static boolean fitsNibble(String text) {
        if (text.isEmpty() || text.length() > WireTags.PACKED_MAX) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Digits and upper-case A-F, 1..127 characters (Baileys isHex; lower case is not packed). */
    static boolean fitsHex(String text) {
        if (text.isEmpty() || text.length() > WireTags.PACKED_MAX) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    static void write(ByteArrayOutputStream out, int tag, String text) {
        int length = text.length();
        out.write(tag);
        out.write(((length + 1) / 2) | (length % 2 == 1 ? 0x80 : 0));
        for (int i = 0; i < length; i += 2) {
            int high = pack(tag, text.charAt(i));
            int low = i + 1 < length ? pack(tag, text.charAt(i + 1)) : PADDING;
            out.write(high << 4 | low);
        }
    }

    private static int pack(int tag, char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (tag == WireTags.HEX_8) {
            return c - 'A' + 10;
        }
        return c == '-' ? 10 : 11;
    }

    /** The character a nibble stands for, or -1 when it is not valid in this packing. */
    static int unpack(int tag, int nibble) {
        if (nibble < 10) {
            return '0' + nibble;
        }
        if (tag == WireTags.HEX_8) {
            return 'A' + nibble - 10;
        }
        return switch (nibble) {
            case 10 -> '-';
            case 11 -> '.';
            // Baileys and whatsmeow decode the padding nibble as NUL wherever it appears
            case PADDING -> '\0';
            default -> -1;
        };
    }
}
