package app.statustracker.wa.signal;

/** The version byte of a Signal message is not 0x33 in the way libsignal accepts (docs/protocol.md, Signal). */
public class UnsupportedSignalVersionException extends InvalidSignalMessageException {
    public UnsupportedSignalVersionException(int versionByte) {
        super(String.format("unsupported Signal message version byte 0x%02x (need current version 3)", versionByte & 0xFF));
    }
}
