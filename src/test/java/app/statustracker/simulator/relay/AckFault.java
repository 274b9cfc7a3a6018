package app.statustracker.simulator.relay;

/**
 * What the server does instead of a plain {@code <ack class="message">} (docs/protocol.md, Status stanza, fault
 * injection docs/protocol.md, Simulator).
 *
 * @param error the {@code error} attribute (e.g. "479" smax-invalid, "463", "400"): the stanza is refused
 *              and not relayed; null means the ack is dropped: the stanza is relayed but the sender never
 *              hears back, as when the ack is lost
 */
public record AckFault(String error) {
    public static AckFault error(String code) {
        if (code == null || !code.matches("\\d{3}")) {
            throw new IllegalArgumentException("ack error code must be 3 digits, got " + code);
        }
        return new AckFault(code);
    }

    public static AckFault drop() {
        return new AckFault(null);
    }

    public boolean dropsAck() {
        return error == null;
    }
}
