package app.statustracker.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
    private static Settings of(Map<String, String> values) {
        return Settings.from(values::get);
    }

    @Test
    void defaultsNeedNothing() {
        Settings s = of(Map.of("DATA_DIR", "/tmp/st-data"));
        assertNull(s.apiKey());
        assertEquals(3000, s.port());
        assertEquals(Path.of("/tmp/st-data"), s.dataDir());
        assertEquals("jdbc:h2:file:/tmp/st-data/db/status-tracker", s.dbUrl());
        assertFalse(s.usesPostgres());
        assertEquals(300, s.rateLimitMax());
        assertEquals(Duration.ofMinutes(15), s.rateLimitWindow());
        assertEquals("wss://web.whatsapp.com/ws/chat", s.waEndpoint().toString());
        assertArrayEquals(HexFormat.of().parseHex(Settings.DEFAULT_WA_ROOT_PUBLIC_KEY), s.waRootPublicKey());
        assertNull(s.waExtraCaFile());
        assertEquals(Path.of("/tmp/st-data/master.key"), s.masterKeyFile());
        assertEquals(List.of(), s.corsOrigins());
        assertFalse(s.fetchAllowPrivateAddresses());
    }

    @Test
    void postgresUrlSwitchesDatabase() {
        Settings s = of(Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test", "DB_USER", "postgres"));
        assertTrue(s.usesPostgres());
        assertEquals("postgres", s.dbUser());
    }

    @Test
    void decimalWindowsAreAccepted() {
        assertEquals(Duration.ofSeconds(3), of(Map.of("RATE_LIMIT_WINDOW_MINUTES", "0.05")).rateLimitWindow());
    }

    @Test
    void corsOriginsAreAList() {
        assertEquals(List.of("http://localhost:5173", "https://admin.example.org"),
                of(Map.of("CORS_ORIGINS", "http://localhost:5173, https://admin.example.org")).corsOrigins());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PORT|abc",
            "PORT|0",
            "PORT|70000",
            "DB_URL|jdbc:mysql://localhost/test",
            "MAX_UPLOAD_MB|-1",
            "RATE_LIMIT_MAX|0",
            "RATE_LIMIT_MAX|many",
            "RATE_LIMIT_WINDOW_MINUTES|0",
            "RATE_LIMIT_WINDOW_MINUTES|soon",
            "CORS_ORIGINS|not a url",
            "WA_ENDPOINT|https://web.whatsapp.com/ws/chat",
            "WA_ENDPOINT|::nonsense",
            "WA_ROOT_PUBLIC_KEY|1234",
            "WA_ROOT_PUBLIC_KEY|zz2375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b",
            "WA_EXTRA_CA_FILE|/nonexistent/extra-ca.pem",
            "WA_VERSION|2.3000",
            "FETCH_ALLOW_PRIVATE_ADDRESSES|perhaps",
            "API_KEY|short",
    })
    void badValueFailsWithOneLineNamingTheKey(String key, String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> of(Map.of(key, value)));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().startsWith("Invalid setting " + key + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void toStringHidesSecrets() {
        Settings s = of(Map.of("API_KEY", "super-secret-api-key-123", "DB_PASSWORD", "pw-secret",
                "DB_URL", "jdbc:postgresql://h/db"));
        assertFalse(s.toString().contains("super-secret"));
        assertFalse(s.toString().contains("pw-secret"));
    }
}
