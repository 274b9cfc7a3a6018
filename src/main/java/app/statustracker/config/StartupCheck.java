package app.statustracker.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Runs first at deployment: resolves every setting and the master key so that a bad value stops the
 * deployment with one clear line naming the key, before anything touches the database or the network.
 */
@Singleton
@Startup
public class StartupCheck {
    private static final Logger LOG = Logger.getLogger(StartupCheck.class.getName());

    @Inject
    Instance<Settings> settings;

    @PostConstruct
    void check() {
        try {
            Settings s = settings.get();
            FirstStartSecrets.masterKey(s.masterKeyFile());
            LOG.info("Status Tracker settings: " + s);
        } catch (InvalidSettingException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
    }
}
