package app.statustracker.wa.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WhatsApp Web version we claim, {@code 2.3000.<build>}. WhatsApp refuses outdated ones with failure 405
 * (docs/protocol.md, Login), so it comes from configuration ({@code WA_VERSION}).
 */
public record ClientVersion(int primary, int secondary, long tertiary) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,5})\\.(\\d{1,10})");

    public ClientVersion {
        if (primary < 0 || secondary < 0 || tertiary < 0 || tertiary > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("version parts must be non-negative uint32 values");
        }
    }

    public static ClientVersion parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a version like 2.3000.1045649367, got '" + text + "'");
        }
        return new ClientVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Long.parseLong(matcher.group(3)));
    }

    /** DevicePairingRegistrationData.buildHash: MD5 of the ASCII version string (docs/protocol.md, Login). */
    public byte[] buildHash() {
        try {
            return MessageDigest.getInstance("MD5").digest(toString().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    @Override
    public String toString() {
        return primary + "." + secondary + "." + tertiary;
    }
}
