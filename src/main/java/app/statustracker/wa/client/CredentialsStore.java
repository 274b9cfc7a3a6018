package app.statustracker.wa.client;

import java.util.Optional;

/**
 * Where one device's credentials live. The service layer implements it on JPA with the key material encrypted;
 * {@link InMemoryCredentialsStore} serves tests. Saves happen on protocol callbacks, so they should be quick.
 */
public interface CredentialsStore {

    /** The stored credentials, or empty for a device that was never created. */
    Optional<DeviceCredentials> load();

    /** Replaces the stored credentials. */
    void save(DeviceCredentials credentials);
}
