package app.statustracker.simulator.relay;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Switches tests flip while the simulator runs: the receipt shape, whether a PN-addressed status is
 * accepted, and ack faults queued per sending account.
 */
public final class RelaySettings {
    private volatile ReceiptShape receiptShape = ReceiptShape.PER_VIEWER;
    private volatile boolean acceptPnAddressedStatus;
    private final Map<String, Deque<AckFault>> ackFaults = new ConcurrentHashMap<>();

    public ReceiptShape receiptShape() {
        return receiptShape;
    }

    public void receiptShape(ReceiptShape shape) {
        receiptShape = Objects.requireNonNull(shape, "shape");
    }

    /**
     * False by default: accounts are LID-migrated, and the real server refuses a PN-addressed status from
     * such an account with ack error 479 [REPORTED docs/protocol.md, Status stanza]. True lets PN mode be tested.
     */
    public boolean acceptPnAddressedStatus() {
        return acceptPnAddressedStatus;
    }

    public void acceptPnAddressedStatus(boolean accept) {
        acceptPnAddressedStatus = accept;
    }

    /** The next {@code count} messages from any device of {@code phoneNumber} get {@code fault} (queued after earlier ones). */
    public void addAckFault(String phoneNumber, AckFault fault, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        Deque<AckFault> queue = ackFaults.computeIfAbsent(phoneNumber, phone -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.addLast(fault);
            }
        }
    }

    public void clearAckFaults(String phoneNumber) {
        ackFaults.remove(phoneNumber);
    }

    /** Faults still waiting for messages of {@code phoneNumber}. */
    public int pendingAckFaults(String phoneNumber) {
        Deque<AckFault> queue = ackFaults.get(phoneNumber);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.size();
        }
    }

    /** The fault for the message just received from {@code phoneNumber}, used up by this call. */
    public Optional<AckFault> takeAckFault(String phoneNumber) {
        Deque<AckFault> queue = ackFaults.get(phoneNumber);
        if (queue == null) {
            return Optional.empty();
        }
        synchronized (queue) {
            return Optional.ofNullable(queue.pollFirst());
        }
    }
}
