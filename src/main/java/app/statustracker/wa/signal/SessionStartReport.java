package app.statustracker.wa.signal;

import app.statustracker.wa.ProtocolException;
import java.util.Map;
import java.util.Set;

/**
 * What {@link SignalSessions#startSessions} did with a batch of bundles.
 *
 * @param started         devices that now have a fresh open session (their next message is a pkmsg)
 * @param identityChanged among {@code started}, devices whose identity key differs from the stored one; their
 *                        old sessions were dropped — for the application to log
 * @param rejected        bundles refused (bad signed pre-key signature, unusable key), with the reason
 */
public record SessionStartReport(Set<SignalAddress> started, Set<SignalAddress> identityChanged,
                                 Map<SignalAddress, ProtocolException> rejected) {
    public SessionStartReport {
        started = Set.copyOf(started);
        identityChanged = Set.copyOf(identityChanged);
        rejected = Map.copyOf(rejected);
    }
}
