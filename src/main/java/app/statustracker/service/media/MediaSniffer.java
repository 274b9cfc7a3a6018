package app.statustracker.service.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Decides the type of an upload from its first bytes only. File names and declared content types come from the
 * client and are never trusted; the bytes are what the decoders will see.
 */
public final class MediaSniffer {
    /** Enough for every signature and an {@code ftyp} box with a dozen compatible brands. */
    static final int HEAD_BYTES = 64;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * Brands of the MP4 family (ISO base media with MP4 / AVC). QuickTime ({@code qt  }), 3GPP-only and HEIF
     * ({@code heic}, {@code mif1}) files also carry {@code ftyp} but are other containers or still images.
     */
    private static final Set<String> MP4_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9",
            "mp41", "mp42", "avc1", "M4V ", "M4VP", "dash", "mmp4", "MSNV", "f4v ");

    private MediaSniffer() {
    }

    public static MediaFormat sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sniff(head);
    }

    /** The format of a file starting with {@code head} (the first bytes, at most {@link #HEAD_BYTES} used). */
    public static MediaFormat sniff(byte[] head) {
        if (startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return MediaFormat.JPEG;
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return MediaFormat.PNG;
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return MediaFormat.WEBP;
        }
        if (isMp4(head)) {
            return MediaFormat.MP4;
        }
        throw new UnsupportedMediaException(
                "the file is not a JPEG, PNG or WebP image, nor an MP4 video");
    }

    private static boolean isMp4(byte[] head) {
        if (head.length < 16 || !ascii(head, 4, "ftyp")) {
            return false;
        }
        long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (boxSize < 16) {
            return false;
        }
        if (MP4_BRANDS.contains(fourCc(head, 8))) {
            return true;
        }
        // compatible brands follow the minor version, up to the end of the box or of what we read
        int end = (int) Math.min(boxSize, head.length);
        for (int at = 16; at + 4 <= end; at += 4) {
            if (MP4_BRANDS.contains(fourCc(head, at))) {
                return true;
            }
        }
        return false;
    }

    private static String fourCc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static boolean ascii(byte[] bytes, int at, String expected) {
        return startsWith(bytes, at, expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
