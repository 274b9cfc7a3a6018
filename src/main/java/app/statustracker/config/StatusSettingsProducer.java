package app.statustracker.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes {@link StatusSettings} injectable; a bad value fails the first bean that needs it with its one line. */
@ApplicationScoped
public class StatusSettingsProducer {
    @Produces
    @Singleton
    StatusSettings statusSettings() {
        Config config = ConfigProvider.getConfig(StatusSettingsProducer.class.getClassLoader());
        return StatusSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
    }
}
