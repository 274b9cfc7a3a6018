package app.statustracker.simulator.pairing;

/** The simulated primary refused to complete a link; the message says which check failed. */
public final class LinkRejectedException extends Exception {
    public LinkRejectedException(String reason) {
        super(reason);
    }
}
