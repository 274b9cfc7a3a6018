package app.statustracker.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests that run against the packaged WAR deployed by Arquillian on Payara Micro,
 * called over loopback HTTP as a client would. Each subclass gets its own server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedWar {
    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive war() {
        ItSimulator.get(); // up before the server can try to reach it
        return Deployments.packagedWar();
    }

    ApiClient newClient() {
        return ApiClient.forDeployment(deployed);
    }
}
