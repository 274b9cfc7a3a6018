package app.statustracker.wa.signal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity keys (raw 32 bytes) of remote devices, as last seen in a bundle or pkmsg. Trust is on first use and
 * on change, like Baileys and whatsmeow (docs/protocol.md, Signal): a new key replaces the old one; what a change
 * reports is for the application to log. Bulk variants serve a status to many devices at once.
 */
public interface IdentityKeyStore {

    /** The stored keys among {@code addresses}; unknown addresses are absent from the map. */
    Map<SignalAddress, byte[]> loadAll(Collection<SignalAddress> addresses);

    /**
     * Stores each key and returns the addresses whose stored key was a different one (not those seen for the
     * first time, nor those unchanged).
     */
    Set<SignalAddress> saveAll(Map<SignalAddress, byte[]> identityKeys);

    default Optional<byte[]> load(SignalAddress address) {
        return Optional.ofNullable(loadAll(List.of(address)).get(address));
    }

    /** True when a different key was stored for the address (the identity changed). */
    default boolean save(SignalAddress address, byte[] identityKey) {
        return saveAll(Map.of(address, identityKey)).contains(address);
    }
}
