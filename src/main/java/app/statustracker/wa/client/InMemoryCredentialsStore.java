package app.statustracker.wa.client;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Credentials in a field: for tests and throw-away devices. */
public final class InMemoryCredentialsStore implements CredentialsStore {
    private final AtomicReference<DeviceCredentials> credentials = new AtomicReference<>();

    @Override
    public Optional<DeviceCredentials> load() {
        return Optional.ofNullable(credentials.get());
    }

    @Override
    public void save(DeviceCredentials newCredentials) {
        credentials.set(newCredentials);
    }
}
