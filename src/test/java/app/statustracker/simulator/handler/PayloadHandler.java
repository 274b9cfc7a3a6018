package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.connection.SimConnection;

/** Answers a connection's ClientPayload: the server's first transport frame (docs/protocol.md, Login). */
public interface PayloadHandler {
    void onPayload(SimConnection connection, RecordedClientPayload payload);
}
