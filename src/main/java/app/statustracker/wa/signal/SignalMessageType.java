package app.statustracker.wa.signal;

/** The two pairwise ciphertext kinds and their {@code <enc type>} strings (docs/protocol.md, Signal). */
public enum SignalMessageType {
    /** PreKeySignalMessage: we started the session and have not heard back yet (libsignal type 3). */
    PKMSG("pkmsg"),
    /** SignalMessage on an established session (libsignal type 1). */
    MSG("msg");

    private final String encType;

    SignalMessageType(String encType) {
        this.encType = encType;
    }

    /** The value of the {@code type} attribute of {@code <enc>}. */
    public String encType() {
        return encType;
    }

    /** The type for an {@code <enc type>} value; other values (skmsg, msmsg) are not pairwise messages. */
    public static SignalMessageType fromEncType(String encType) {
        for (SignalMessageType type : values()) {
            if (type.encType.equals(encType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a pairwise Signal message type: " + encType);
    }
}
