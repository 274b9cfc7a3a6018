package app.statustracker.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes {@link MediaSettings} injectable; a bad value fails the first bean that needs it with its one line. */
@ApplicationScoped
public class MediaSettingsProducer {
    @Produces
    @Singleton
    MediaSettings statusSettings() {
        Config config = ConfigProvider.getConfig(MediaSettingsProducer.class.getClassLoader());
        return MediaSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
    }
}
