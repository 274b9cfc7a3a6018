package app.statustracker.simulator.journal;

/** Seen from the simulated server: what a client sent us, or what we sent it. */
public enum Direction { INBOUND, OUTBOUND }
