package app.statustracker.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start command refuses a bad setting with exit code 2 and exactly one line naming the key. */
class LauncherConfigErrorTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PORT|seventy", "DB_URL|jdbc:oracle:thin:@x", "WA_ROOT_PUBLIC_KEY|00",
            "RECEIPT_FLUSH_MS|soon"})
    void badSettingInDotEnvStopsTheStart(String key, String value) throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, key + "=" + value + "\n");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()))
                .directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> List.of("PORT", "DB_URL", "WA_ROOT_PUBLIC_KEY", "API_KEY", "RECEIPT_FLUSH_MS").contains(k));
        pb.environment().put("ENV_FILE", env.toString());
        pb.environment().put("DATA_DIR", dir.resolve("data").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err + out);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("Invalid setting " + key + ":"), err);
        assertTrue(out.isBlank(), "nothing started, no key generated: " + out);
        assertTrue(Files.readString(env).equals(key + "=" + value + "\n"), ".env untouched");
    }
}
