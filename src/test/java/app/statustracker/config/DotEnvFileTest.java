package app.statustracker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {
    @TempDir
    Path dir;

    @Test
    void parsesCommentsQuotesAndExport() throws Exception {
        Path f = dir.resolve(".env");
        Files.writeString(f, """
                # comment
                API_KEY=abc123
                export PORT=3100
                DB_URL="jdbc:postgresql://h:5432/db?x=1"
                DB_PASSWORD='p#ss word'
                CORS_ORIGINS=http://a.example # trailing comment
                  BROKEN LINE
                EMPTY=
                """);
        Map<String, String> v = DotEnvFile.read(f);
        assertEquals("abc123", v.get("API_KEY"));
        assertEquals("3100", v.get("PORT"));
        assertEquals("jdbc:postgresql://h:5432/db?x=1", v.get("DB_URL"));
        assertEquals("p#ss word", v.get("DB_PASSWORD"));
        assertEquals("http://a.example", v.get("CORS_ORIGINS"));
        assertEquals("", v.get("EMPTY"));
        assertEquals(6, v.size());
    }

    @Test
    void missingFileIsEmpty() {
        assertTrue(DotEnvFile.read(dir.resolve("nope")).isEmpty());
    }

    @Test
    void generatedApiKeyIsStoredOwnerOnlyAndKept() throws Exception {
        Path f = dir.resolve("sub").resolve(".env");
        String key = FirstStartSecrets.generateApiKey(f);
        assertTrue(key.length() >= 43, key);
        assertEquals(key, DotEnvFile.read(f).get("API_KEY"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(key, FirstStartSecrets.generateApiKey(f), "a second start keeps the first key");
        assertNotEquals(key, FirstStartSecrets.newApiKey());
    }

    @Test
    void masterKeyIsCreatedOnceOwnerOnly() throws Exception {
        Path f = dir.resolve("data").resolve("master.key");
        byte[] first = FirstStartSecrets.masterKey(f);
        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(java.util.HexFormat.of().formatHex(first),
                java.util.HexFormat.of().formatHex(FirstStartSecrets.masterKey(f)));
    }

    @Test
    void aMasterKeyOthersCanReadIsRefusedWithOneLine() throws Exception {
        Path f = dir.resolve("data").resolve("master.key");
        FirstStartSecrets.masterKey(f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        InvalidSettingException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingException.class,
                () -> FirstStartSecrets.masterKey(f));
        assertTrue(e.getMessage().contains("MASTER_KEY_FILE") && e.getMessage().contains("rw-r--r--")
                && e.getMessage().contains("chmod 600"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals(32, FirstStartSecrets.masterKey(f).length);
    }
}
