package app.statustracker.it;

import app.statustracker.testing.ThrowawayCa;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The CA behind every HTTPS server the integration tests run (the simulator's media host, media links): made when
 * the test JVM's launcher session opens, before Arquillian boots the server, and written where the build told the
 * server to look (WA_EXTRA_CA_FILE = {@code st.it.mediaCaFile}). The server trusts it only through that file.
 */
public class ItMediaCa implements LauncherSessionListener {
    private static ThrowawayCa ca;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String file = System.getProperty("st.it.mediaCaFile");
        if (file == null || file.isBlank()) {
            return; // unit tests: nothing to set up
        }
        try {
            Path pem = Path.of(file);
            Files.createDirectories(pem.toAbsolutePath().getParent());
            get().writeCaPem(pem);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The run's CA; its server context is what test HTTPS servers present. */
    public static synchronized ThrowawayCa get() {
        if (ca == null) {
            ca = ThrowawayCa.create();
        }
        return ca;
    }
}
