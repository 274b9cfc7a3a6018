package app.statustracker.runtime;

import app.statustracker.config.Settings;
import app.statustracker.wa.media.ExtraTrust;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * The certificates every outbound HTTPS connection of the service trusts (media hosts, media links, link previews):
 * the JDK's store, plus the CAs in {@code WA_EXTRA_CA_FILE} when set. Never a trust-everything manager.
 */
@ApplicationScoped
public class OutboundTls {
    @Inject
    Settings settings;

    private SSLContext context;

    @PostConstruct
    void init() {
        try {
            context = ExtraTrust.sslContext(settings.waExtraCaFile());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("WA_EXTRA_CA_FILE " + settings.waExtraCaFile() + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    public SSLContext sslContext() {
        return context;
    }
}
