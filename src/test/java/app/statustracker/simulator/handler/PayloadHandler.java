package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.connection.SimConnection;

/** Answers a connection's ClientPayload: the server's first transport frame (§3.2). */
public interface PayloadHandler {
    void onPayload(SimConnection connection, RecordedClientPayload payload);
}
