package app.statustracker.wa.status;

import java.util.Arrays;
import java.util.Objects;

/**
 * One device's pairwise Signal ciphertext and its {@code <enc type>}: {@code pkmsg} while the session is still
 * unconfirmed (a PreKeyWhisperMessage), {@code msg} after (docs/protocol.md, Signal).
 */
public record PairwiseCiphertext(String type, byte[] ciphertext) {
    public static final String PKMSG = "pkmsg";
    public static final String MSG = "msg";

    public PairwiseCiphertext {
        if (!PKMSG.equals(type) && !MSG.equals(type)) {
            throw new IllegalArgumentException("pairwise enc type must be pkmsg or msg, got " + type);
        }
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public boolean isPreKeyMessage() {
        return PKMSG.equals(type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairwiseCiphertext c && type.equals(c.type)
                && Arrays.equals(ciphertext, c.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "PairwiseCiphertext[" + type + ", " + ciphertext.length + " bytes]";
    }
}
