package app.statustracker.wa.signal;

import java.util.Arrays;
import java.util.Objects;

/** One pairwise ciphertext as it goes into {@code <enc v="2" type="...">bytes</enc>}. */
public record EncryptedSignalMessage(SignalMessageType type, byte[] serialized) {
    public EncryptedSignalMessage {
        Objects.requireNonNull(type, "type");
        serialized = Objects.requireNonNull(serialized, "serialized").clone();
    }

    @Override
    public byte[] serialized() {
        return serialized.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedSignalMessage that && type == that.type
                && Arrays.equals(serialized, that.serialized);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(serialized);
    }

    @Override
    public String toString() {
        return "EncryptedSignalMessage[" + type.encType() + ", " + serialized.length + " bytes]";
    }
}
