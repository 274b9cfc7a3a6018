package app.statustracker.persistence;

/**
 * Stored key material that does not decrypt: altered, moved to another row, or sealed under another master
 * key (MASTER_KEY_FILE replaced). The message names the place, never the bytes.
 */
public class KeyMaterialUnreadableException extends RuntimeException {
    public KeyMaterialUnreadableException(String where) {
        super("stored key material at " + where + " cannot be decrypted with the current master key");
    }
}
