package app.statustracker.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the validated {@link Settings} injectable. A bad value throws {@link InvalidSettingException} here,
 * which fails the deployment with its one line naming the key (see {@code StartupCheck}).
 */
@ApplicationScoped
public class SettingsProducer {
    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    @Produces
    @Singleton
    Settings settings() {
        Config config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
        Settings settings = Settings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
        if (settings.apiKey() == null) {
            // Deployed without the launcher (a plain WAR on another server): make the key here. Not shown: whatever
            // this writes lands in the server's log file there; the file it is stored in is readable by its owner.
            String key = FirstStartSecrets.generateApiKey(ConfigLookup.envFile());
            LOG.warning("No API_KEY was configured; generated one and stored it in " + ConfigLookup.envFile()
                    + " (readable only by this user): read it there");
            settings = Settings.from(k -> "API_KEY".equals(k) ? key
                    : config.getOptionalValue(k, String.class).orElse(null));
        }
        return settings;
    }
}
