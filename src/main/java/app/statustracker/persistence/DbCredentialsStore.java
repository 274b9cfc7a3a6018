package app.statustracker.persistence;

import app.statustracker.wa.client.CredentialsStore;
import app.statustracker.wa.client.DeviceCredentials;
import java.util.Optional;

/** One session's credentials, as the protocol client sees them. */
public final class DbCredentialsStore implements CredentialsStore {
    private final KeyMaterialRepository repository;
    private final long sessionPk;

    public DbCredentialsStore(KeyMaterialRepository repository, long sessionPk) {
        this.repository = repository;
        this.sessionPk = sessionPk;
    }

    @Override
    public Optional<DeviceCredentials> load() {
        return repository.loadCredentials(sessionPk);
    }

    @Override
    public void save(DeviceCredentials credentials) {
        repository.saveCredentials(sessionPk, credentials);
    }
}
