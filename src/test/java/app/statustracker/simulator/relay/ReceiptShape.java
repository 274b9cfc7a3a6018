package app.statustracker.simulator.relay;

/**
 * How viewer receipts reach the poster's devices (docs/protocol.md, Receipts). {@link #PER_VIEWER} (shape A) is what
 * Baileys surfaces; {@link #AGGREGATED} (shape B, {@code <participants message_id>}) is what the real server was
 * captured sending, and Baileys ignores it.
 */
public enum ReceiptShape {
    PER_VIEWER, AGGREGATED
}
