package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;

/** One concern of the simulated server (pings, pre-keys, usync, messages, …). */
public interface StanzaHandler {

    /** Handles {@code stanza} and returns true, or returns false when it is not this handler's business. */
    boolean handle(SimConnection connection, Node stanza);
}
