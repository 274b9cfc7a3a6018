package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.Collection;
import java.util.Set;

/**
 * Which devices already hold our status sender key with a given key id, so that the SKDM goes only to those
 * that lack it (docs/decisions.md, Posting statuses and reading receipts, "Sender key"; WA Web does the same,
 * Baileys and whatsmeow resend to everyone). Recorded only after the server accepted the stanza that carried it.
 */
public interface SenderKeyHolders {

    /** Devices recorded as holding key {@code keyId}; empty for an unknown key. */
    Set<Jid> holders(int keyId);

    /** Records that these devices now hold key {@code keyId}. */
    void add(int keyId, Collection<Jid> devices);

    /** Forgets everything about key {@code keyId}, after it was rotated away. */
    void forget(int keyId);
}
