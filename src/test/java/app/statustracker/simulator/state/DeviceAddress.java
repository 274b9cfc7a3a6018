package app.statustracker.simulator.state;

/** One device of one account: {@code <phoneNumber>:<deviceId>@s.whatsapp.net}. */
public record DeviceAddress(String phoneNumber, int deviceId) {
    public String pnJid() {
        return phoneNumber + (deviceId == 0 ? "" : ":" + deviceId) + "@s.whatsapp.net";
    }

    @Override
    public String toString() {
        return pnJid();
    }
}
