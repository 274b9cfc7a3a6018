package app.statustracker.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Constant-time key comparison: both sides are hashed first so that neither content nor length leaks. */
public final class ApiKeys {
    private ApiKeys() {
    }

    /**
     * The key a request presents in its headers, the one parser of them all: {@code x-api-key}, else
     * {@code Authorization: Bearer <key>} (the scheme in any case); null when neither is there.
     */
    public static String fromHeaders(String xApiKey, String authorization) {
        if (xApiKey != null) {
            return xApiKey;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    public static boolean matches(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
