package app.statustracker.wa.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Message ids as WhatsApp Web makes them (docs/protocol.md, Status stanza; Baileys generateMessageIDV2, whatsmeow
 * GenerateMessageID): {@code "3EB0"} and the first 9 bytes, upper-case hex, of
 * SHA-256(unix seconds as uint64 BE ‖ own user ‖ "@c.us" ‖ 16 random bytes). The server treats the id as
 * opaque; the shape only keeps our messages looking like WA Web's. 22 characters.
 */
public final class MessageIds {
    public static final String PREFIX = "3EB0";
    public static final int LENGTH = PREFIX.length() + 18;

    private MessageIds() {
    }

    public static String generate(String ownUser, Instant now, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return generate(ownUser, now, salt);
    }

    /** Deterministic form for tests. */
    public static String generate(String ownUser, Instant now, byte[] random16) {
        if (random16.length != 16) {
            throw new IllegalArgumentException("message id randomness must be 16 bytes");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long seconds = now.getEpochSecond();
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha256.update((byte) (seconds >>> shift));
        }
        if (ownUser != null && !ownUser.isEmpty()) {
            sha256.update((ownUser + "@c.us").getBytes(StandardCharsets.UTF_8));
        }
        sha256.update(random16);
        byte[] hash = sha256.digest();
        return PREFIX + HexFormat.of().withUpperCase().formatHex(hash, 0, 9);
    }
}
