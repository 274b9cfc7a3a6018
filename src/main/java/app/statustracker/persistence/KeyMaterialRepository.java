package app.statustracker.persistence;

import app.statustracker.config.FirstStartSecrets;
import app.statustracker.config.Settings;
import app.statustracker.wa.client.DeviceCredentials;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.signal.PreKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Optional;

/**
 * Reads and writes the protocol key material of every session, sealing each value under the master key with
 * the place it belongs to as associated data. The protocol side sees it through {@link DbCredentialsStore}
 * and {@link DbPreKeyStore}.
 */
@ApplicationScoped
public class KeyMaterialRepository {
    @PersistenceContext(unitName = "statusTracker")
    EntityManager em;

    @Inject
    Settings settings;

    private KeyMaterialCipher cipher;

    @PostConstruct
    void init() {
        cipher = new KeyMaterialCipher(FirstStartSecrets.masterKey(settings.masterKeyFile()));
    }

    @Transactional
    public Optional<DeviceCredentials> loadCredentials(long sessionPk) {
        CredentialsRow row = em.find(CredentialsRow.class, sessionPk);
        return row == null ? Optional.empty()
                : Optional.of(CredentialsCodec.decode(cipher.decrypt(row.data(), credentialsPlace(sessionPk))));
    }

    @Transactional
    public void saveCredentials(long sessionPk, DeviceCredentials credentials) {
        byte[] sealed = cipher.encrypt(CredentialsCodec.encode(credentials), credentialsPlace(sessionPk));
        CredentialsRow row = em.find(CredentialsRow.class, sessionPk);
        if (row == null) {
            em.persist(new CredentialsRow(sessionPk, sealed));
        } else {
            row.replace(sealed);
        }
    }

    /** One transaction for the whole batch; EclipseLink batches the inserts. */
    @Transactional
    public void storePreKeys(long sessionPk, Collection<PreKey> preKeys) {
        for (PreKey k : preKeys) {
            em.persist(new PreKeyRow(sessionPk, k.id(),
                    cipher.encrypt(k.keyPair().privateKey(), preKeyPlace(sessionPk, k.id()))));
        }
    }

    @Transactional
    public Optional<PreKey> loadPreKey(long sessionPk, int keyId) {
        PreKeyRow row = em.find(PreKeyRow.class, new PreKeyRow.Key(sessionPk, keyId));
        return row == null ? Optional.empty() : Optional.of(new PreKey(keyId,
                Curve25519KeyPair.fromPrivateKey(cipher.decrypt(row.data(), preKeyPlace(sessionPk, keyId)))));
    }

    @Transactional
    public void removePreKey(long sessionPk, int keyId) {
        PreKeyRow row = em.find(PreKeyRow.class, new PreKeyRow.Key(sessionPk, keyId));
        if (row != null) {
            em.remove(row);
        }
    }

    private static String credentialsPlace(long sessionPk) {
        return "device_credentials/" + sessionPk;
    }

    private static String preKeyPlace(long sessionPk, int keyId) {
        return "pre_keys/" + sessionPk + "/" + keyId;
    }
}
