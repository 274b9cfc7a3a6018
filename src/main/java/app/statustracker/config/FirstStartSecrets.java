package app.statustracker.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Secrets the service makes for itself on its first start: the API key (kept in {@code .env}, shown once)
 * and the master key that encrypts key material at rest (a 0600 file beside the data).
 */
public final class FirstStartSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FirstStartSecrets() {
    }

    /** A new 256-bit key, URL-safe base64 so it survives shells and headers unquoted. */
    public static String newApiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Stores a generated API key in the {@code .env} file and returns it; the caller shows it once.
     */
    public static synchronized String generateApiKey(Path envFile) {
        String existing = DotEnvFile.read(envFile).get("API_KEY");
        if (existing != null && !existing.isBlank()) {
            return existing; // another start (the launcher) got here first
        }
        String key = newApiKey();
        DotEnvFile.append(envFile, "API_KEY", key);
        return key;
    }

    /**
     * The master key decrypts every account's key material: a copy that the group or other users of the machine
     * can read is refused with one clear line rather than used (file systems without POSIX modes are not checked).
     */
    private static void refuseIfOthersCanRead(Path file) throws IOException {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)
                || mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new InvalidSettingException("MASTER_KEY_FILE", file + " is open to other users (mode "
                    + PosixFilePermissions.toString(mode) + "); allow only its owner: chmod 600 " + file);
        }
    }

    /** Reads the 32-byte master key, creating it (0600) on first use. */
    public static synchronized byte[] masterKey(Path file) {
        try {
            if (Files.exists(file)) {
                refuseIfOthersCanRead(file);
                byte[] key = Files.readAllBytes(file);
                if (key.length != 32) {
                    throw new InvalidSettingException("MASTER_KEY_FILE", file + " must hold exactly 32 bytes");
                }
                return key;
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Path tmp = Files.createTempFile(parent, ".master", ".tmp");
            DotEnvFile.restrictToOwner(tmp);
            Files.write(tmp, key);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the master key at " + file, e);
        }
    }
}
