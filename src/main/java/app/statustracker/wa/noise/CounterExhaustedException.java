package app.statustracker.wa.noise;

import app.statustracker.wa.ProtocolException;

/** 2^32 frames went one way on one key; WhatsApp has no rekeying, so the connection has to be re-established. */
public class CounterExhaustedException extends ProtocolException {
    public CounterExhaustedException() {
        super("transport: 2^32 frames on one key, reconnect");
    }
}
