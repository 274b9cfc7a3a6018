package app.statustracker.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher starts Payara on an empty root directory, so no deployment of an earlier run starts again. */
class PayaraRootDirTest {
    @TempDir
    Path dataDir;

    @Test
    void anEarlierRunsDeploymentAndConfigurationAreGoneAndTheRestOfTheDataDirStays() throws Exception {
        Path deployed = Files.createDirectories(dataDir.resolve("payara/applications/status-tracker/WEB-INF"));
        Files.writeString(deployed.resolve("web.xml"), "<web-app/>");
        Files.createDirectories(dataDir.resolve("payara/config"));
        Files.writeString(dataDir.resolve("payara/config/domain.xml"), "<domain><applications><application "
                + "name=\"status-tracker\"/></applications></domain>");
        Files.writeString(dataDir.resolve("master.key"), "key");
        Path outside = Files.createDirectories(dataDir.resolve("elsewhere"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(dataDir.resolve("payara/linked"), outside);

        Path root = PayaraRootDir.fresh(dataDir);

        assertEquals(dataDir.resolve("payara"), root);
        assertFalse(Files.exists(root));
        assertEquals("key", Files.readString(dataDir.resolve("master.key")));
        assertTrue(Files.isRegularFile(outside.resolve("keep.txt")), "a link inside is removed, not its target");
    }

    @Test
    void aFirstStartHasNothingToRemove() throws Exception {
        assertEquals(dataDir.resolve("payara"), PayaraRootDir.fresh(dataDir));
        assertFalse(Files.exists(dataDir.resolve("payara")));
    }
}
