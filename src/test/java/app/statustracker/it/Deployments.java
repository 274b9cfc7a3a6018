package app.statustracker.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged WAR exactly as users run it, deployed at the server root. */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive packagedWar() {
        File war = new File(System.getProperty("st.war", "target/status-tracker.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run the package phase first: no " + war);
        }
        // ROOT.war deploys at context root "/", where the seed's paths live
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
