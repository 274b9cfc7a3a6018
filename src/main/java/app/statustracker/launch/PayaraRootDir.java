package app.statustracker.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Payara Micro's root directory ({@code DATA_DIR/payara}), emptied before every start. Payara keeps what was
 * deployed into a persistent root directory and deploys it again at the next start, and only then handles
 * {@code --deploy} of the same WAR, as a redeploy: the service ran twice on every restart, the first copy resuming
 * every session (a WhatsApp login and its offline queue) and being undeployed seconds later with receipt batches in
 * flight and its connection pool gone. Nothing else kept there is needed: the configuration is made again by the
 * pre-boot commands at each start, and the server logs to the console.
 */
final class PayaraRootDir {
    private PayaraRootDir() {
    }

    /** @return {@code dataDir/payara}, which no longer exists (Payara creates it afresh) */
    static Path fresh(Path dataDir) throws IOException {
        Path root = dataDir.resolve("payara");
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return root;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) { // links are not followed: a link is removed, not its target
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        try {
            all.forEach(PayaraRootDir::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return root;
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
