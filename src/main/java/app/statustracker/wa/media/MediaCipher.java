package app.statustracker.wa.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WhatsApp's media encryption (docs/protocol.md, Media), streamed through a fixed buffer so that a file of any
 * size costs the same memory: AES-256-CBC with PKCS#7 padding, then the first 10 bytes of
 * HMAC-SHA256(macKey, iv ‖ ciphertext) appended. Baileys encryptedStream / downloadEncryptedContent, whatsmeow
 * upload.go / download.go.
 */
public final class MediaCipher {
    public static final int MAC_LENGTH = 10;
    private static final int BUFFER = 64 * 1024;

    private MediaCipher() {
    }

    /** Reads {@code plain} to its end and writes {@code ciphertext ‖ mac} to {@code out}; closes neither. */
    public static EncryptedMedia encrypt(InputStream plain, OutputStream out, byte[] mediaKey, MediaType type)
            throws IOException {
        MediaKeys keys = MediaKeys.expand(mediaKey, type);
        Cipher aes = cipher(Cipher.ENCRYPT_MODE, keys);
        Mac mac = mac(keys);
        MessageDigest plainHash = sha256();
        MessageDigest encHash = sha256();
        byte[] buffer = new byte[BUFFER];
        long plainLength = 0;
        long encLength = 0;
        int read;
        while ((read = plain.read(buffer)) != -1) {
            plainLength += read;
            plainHash.update(buffer, 0, read);
            encLength += emit(aes.update(buffer, 0, read), out, mac, encHash);
        }
        encLength += emit(finish(aes), out, mac, encHash);
        byte[] tag = Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
        out.write(tag);
        encHash.update(tag);
        return new EncryptedMedia(plainHash.digest(), encHash.digest(), plainLength, encLength + MAC_LENGTH);
    }

    /**
     * Reads an uploaded file ({@code ciphertext ‖ mac}) to its end, checks its MAC and writes the plain bytes to
     * {@code out}. Plain bytes are written before the MAC is known to be right: a caller that must not act on a
     * forged file writes to a temporary place and keeps it only when this returns.
     *
     * @throws MediaIntegrityException when the MAC does not match or the file is too short or not block-aligned
     */
    public static EncryptedMedia decrypt(InputStream encrypted, OutputStream out, byte[] mediaKey, MediaType type)
            throws IOException, MediaIntegrityException {
        MediaKeys keys = MediaKeys.expand(mediaKey, type);
        Cipher aes = cipher(Cipher.DECRYPT_MODE, keys);
        Mac mac = mac(keys);
        MessageDigest plainHash = sha256();
        MessageDigest encHash = sha256();
        // the last MAC_LENGTH bytes are the tag: hold them back until the stream ends
        TrailingBytes trailing = new TrailingBytes(MAC_LENGTH);
        byte[] buffer = new byte[BUFFER];
        long plainLength = 0;
        long total = 0;
        int read;
        while ((read = encrypted.read(buffer)) != -1) {
            total += read;
            encHash.update(buffer, 0, read);
            byte[] body = trailing.push(buffer, read);
            mac.update(body);
            plainLength += write(aes.update(body), out, plainHash);
        }
        if (total < MAC_LENGTH + 16 || (total - MAC_LENGTH) % 16 != 0) {
            throw new MediaIntegrityException("an encrypted media file is whole AES blocks and a " + MAC_LENGTH
                    + "-byte MAC; this one is " + total + " bytes");
        }
        byte[] expected = Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
        if (!MessageDigest.isEqual(expected, trailing.held())) {
            throw new MediaIntegrityException("the media file's MAC does not match its key");
        }
        byte[] last;
        try {
            last = aes.doFinal();
        } catch (GeneralSecurityException e) {
            throw new MediaIntegrityException("the media file's padding is broken");
        }
        plainLength += write(last, out, plainHash);
        return new EncryptedMedia(plainHash.digest(), encHash.digest(), plainLength, total);
    }

    private static long emit(byte[] chunk, OutputStream out, Mac mac, MessageDigest encHash) throws IOException {
        if (chunk == null || chunk.length == 0) {
            return 0;
        }
        mac.update(chunk);
        encHash.update(chunk);
        out.write(chunk);
        return chunk.length;
    }

    private static long write(byte[] chunk, OutputStream out, MessageDigest hash) throws IOException {
        if (chunk == null || chunk.length == 0) {
            return 0;
        }
        hash.update(chunk);
        out.write(chunk);
        return chunk.length;
    }

    private static byte[] finish(Cipher aes) {
        try {
            return aes.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC encryption with padding cannot fail", e);
        }
    }

    private static Cipher cipher(int mode, MediaKeys keys) {
        try {
            // the JDK's PKCS5Padding is PKCS#7 for 16-byte blocks
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(mode, new SecretKeySpec(keys.cipherKey(), "AES"), new IvParameterSpec(keys.iv()));
            return aes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES-256-CBC", e);
        }
    }

    private static Mac mac(MediaKeys keys) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.macKey(), "HmacSHA256"));
            mac.update(keys.iv());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HMAC-SHA256", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
