package app.statustracker.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting of the service, parsed and checked once. Built from any lookup (the launcher's view of
 * {@code .env} + environment, or MicroProfile Config inside the server), so both fail on the same bad value
 * with the same one-line message.
 */
public record Settings(
        String apiKey,
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int maxUploadMb,
        int rateLimitMax,
        Duration rateLimitWindow,
        List<String> corsOrigins,
        URI waEndpoint,
        byte[] waRootPublicKey,
        Path waExtraCaFile,
        Path masterKeyFile,
        String waVersion,
        boolean fetchAllowPrivateAddresses,
        Duration reconnectMinDelay,
        Duration reconnectMaxDelay,
        Duration startupSpread,
        Duration keepAliveInterval,
        Duration keepAliveTimeout) {

    public static final String DEFAULT_WA_ENDPOINT = "wss://web.whatsapp.com/ws/chat";
    /** WhatsApp's Noise root ("WhatsAppLongTerm1"), docs/protocol.md, Connection. */
    public static final String DEFAULT_WA_ROOT_PUBLIC_KEY =
            "142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b";
    /** The web client version whatsmeow announced on 2026-08-21 (docs/protocol.md, Login). */
    public static final String DEFAULT_WA_VERSION = "2.3000.1045649367";

    private static final Pattern WA_VERSION = Pattern.compile("2\\.\\d{4}\\.\\d{1,12}");
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?");

    /**
     * @param lookup returns the raw value of a key, or null/blank when unset
     */
    public static Settings from(Function<String, String> lookup) {
        Function<String, String> get = trimmed(lookup);
        Path dataDir = Path.of(orDefault(get.apply("DATA_DIR"), "./data")).toAbsolutePath().normalize();
        String dbUrl = get.apply("DB_URL");
        if (dbUrl == null) {
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("db").resolve("status-tracker");
        } else if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
            throw new InvalidSettingException("DB_URL", "must start with jdbc:postgresql: or jdbc:h2:");
        }
        String masterKeyFile = get.apply("MASTER_KEY_FILE");
        String extraCa = get.apply("WA_EXTRA_CA_FILE");
        Path extraCaFile = null;
        if (extraCa != null) {
            extraCaFile = Path.of(extraCa).toAbsolutePath();
            if (!Files.isReadable(extraCaFile)) {
                throw new InvalidSettingException("WA_EXTRA_CA_FILE", "no readable file at " + extraCaFile);
            }
        }
        String waVersion = orDefault(get.apply("WA_VERSION"), DEFAULT_WA_VERSION);
        if (!WA_VERSION.matcher(waVersion).matches()) {
            throw new InvalidSettingException("WA_VERSION", "expected 2.3000.<build>, got '" + waVersion + "'");
        }
        String apiKey = get.apply("API_KEY");
        if (apiKey != null && (apiKey.length() < 16 || apiKey.chars().anyMatch(Character::isWhitespace))) {
            throw new InvalidSettingException("API_KEY", "must be at least 16 characters without spaces");
        }
        return new Settings(
                apiKey,
                intIn(get, "PORT", 3000, 1, 65535),
                dataDir,
                dbUrl,
                orDefault(get.apply("DB_USER"), dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
                orDefault(get.apply("DB_PASSWORD"), ""),
                intIn(get, "MAX_UPLOAD_MB", 16, 1, 2048),
                intIn(get, "RATE_LIMIT_MAX", 300, 1, 1_000_000),
                minutes(get, "RATE_LIMIT_WINDOW_MINUTES", 15),
                origins(get.apply("CORS_ORIGINS")),
                endpoint(orDefault(get.apply("WA_ENDPOINT"), DEFAULT_WA_ENDPOINT)),
                hexKey(orDefault(get.apply("WA_ROOT_PUBLIC_KEY"), DEFAULT_WA_ROOT_PUBLIC_KEY)),
                extraCaFile,
                masterKeyFile == null ? dataDir.resolve("master.key") : Path.of(masterKeyFile).toAbsolutePath(),
                waVersion,
                bool(get, "FETCH_ALLOW_PRIVATE_ADDRESSES", false),
                Duration.ofMillis(intIn(get, "RECONNECT_MIN_DELAY_MS", 1000, 1, 3_600_000)),
                Duration.ofMillis(intIn(get, "RECONNECT_MAX_DELAY_MS", 60_000, 1, 3_600_000)),
                Duration.ofMillis(intIn(get, "STARTUP_SPREAD_MS", 30_000, 0, 3_600_000)),
                Duration.ofMillis(intIn(get, "WA_KEEPALIVE_INTERVAL_MS", 25_000, 100, 3_600_000)),
                Duration.ofMillis(intIn(get, "WA_KEEPALIVE_TIMEOUT_MS", 10_000, 100, 3_600_000)));
    }

    public boolean usesPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The lookup with values stripped and blank ones treated as unset. */
    static Function<String, String> trimmed(Function<String, String> lookup) {
        return key -> {
            String v = lookup.apply(key);
            return v == null || v.isBlank() ? null : v.strip();
        };
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when unset; anything else names the key. */
    static int intIn(Function<String, String> get, String key, int fallback, int min, int max) {
        String raw = get.apply(key);
        if (raw == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "not a whole number: '" + raw + "'");
        }
    }

    private static Duration minutes(Function<String, String> get, String key, double fallback) {
        String raw = get.apply(key);
        double minutes = fallback;
        if (raw != null) {
            try {
                minutes = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, "not a number: '" + raw + "'");
            }
        }
        if (!(minutes > 0) || minutes > 7 * 24 * 60) {
            throw new InvalidSettingException(key, "must be more than 0 and at most one week, got " + raw);
        }
        return Duration.ofMillis(Math.max(1, Math.round(minutes * 60_000)));
    }

    private static boolean bool(Function<String, String> get, String key, boolean fallback) {
        String raw = get.apply(key);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidSettingException(key, "expected true or false, got '" + raw + "'");
        };
    }

    private static List<String> origins(String raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> list = Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String origin : list) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new InvalidSettingException("CORS_ORIGINS", "not an origin: '" + origin + "'");
            }
        }
        return list;
    }

    private static URI endpoint(String raw) {
        try {
            URI uri = new URI(raw);
            if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSettingException("WA_ENDPOINT", "expected a ws:// or wss:// URL, got '" + raw + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSettingException("WA_ENDPOINT", "not a URL: '" + raw + "'");
        }
    }

    private static byte[] hexKey(String raw) {
        try {
            byte[] key = HexFormat.of().parseHex(raw);
            if (key.length != 32) {
                throw new InvalidSettingException("WA_ROOT_PUBLIC_KEY", "expected 64 hex digits (32 bytes)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("WA_ROOT_PUBLIC_KEY", "not hex");
        }
    }

    /** Never print the API key or the database password. */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", dataDir=" + dataDir + ", db=" + (usesPostgres() ? "postgresql" : "h2")
                + ", rateLimit=" + rateLimitMax + "/" + rateLimitWindow + ", waEndpoint=" + waEndpoint + "]";
    }
}
