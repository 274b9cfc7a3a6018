package app.statustracker.domain;

/**
 * What a viewer's receipt says (docs/protocol.md, Receipts): no type or {@code inactive} is a delivery, never a view;
 * {@code read} is a view; {@code played} is a view and a play.
 */
public enum ReceiptKind {
    DELIVERY, READ, PLAYED
}
