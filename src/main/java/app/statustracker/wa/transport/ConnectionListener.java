package app.statustracker.wa.transport;

import app.statustracker.wa.binary.Node;

/**
 * Receives what a {@link WaConnection} reads. Calls arrive one at a time, on the HttpClient's executor (nodes)
 * or on whichever thread noticed the end (close); they must not block, because no further input is read
 * while one runs. Answers to {@link WaConnection#sendIq} go to their future, not here.
 */
public interface ConnectionListener {

    /** A stanza from the server that nobody is waiting for. */
    void onNode(WaConnection connection, Node node);

    /** The connection ended; called exactly once, also when it never opened. */
    void onClose(WaConnection connection, CloseReason reason);
}
