package app.statustracker.simulator.delivery;

import app.statustracker.wa.binary.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One device's owed stanzas, oldest first, indexed by what an ack names (class = tag, id, participant) so that an
 * ack finds its stanzas at once: with tens of thousands owed (a receipt benchmark), a scan per ack made the
 * simulator quadratic. Not thread-safe: {@link Deliveries} locks it.
 */
final class OwedStanzas {
    private record AckKey(String tag, String id, String participant) {
    }

    private final LinkedHashMap<Long, PendingStanza> bySequence = new LinkedHashMap<>();
    private final Map<AckKey, List<Long>> byAckKey = new HashMap<>();
    private long nextSequence;

    void add(PendingStanza entry) {
        long sequence = nextSequence++;
        bySequence.put(sequence, entry);
        byAckKey.computeIfAbsent(keyOf(entry.stanza()), key -> new ArrayList<>(1)).add(sequence);
    }

    /** Forgets every stanza the ack acknowledges (see {@link PendingStanza#ackedBy}); false when none. */
    boolean removeAckedBy(Node ack) {
        List<Long> sequences = byAckKey.remove(new AckKey(ack.attr("class"), ack.attr("id"), ack.attr("participant")));
        if (sequences == null) {
            return false;
        }
        sequences.forEach(bySequence::remove);
        return true;
    }

    boolean removeIf(Predicate<PendingStanza> matches) {
        boolean removed = bySequence.values().removeIf(matches);
        if (removed) {
            byAckKey.values().forEach(sequences -> sequences.removeIf(sequence -> !bySequence.containsKey(sequence)));
            byAckKey.values().removeIf(List::isEmpty);
        }
        return removed;
    }

    List<PendingStanza> inOrder() {
        return new ArrayList<>(bySequence.values());
    }

    void replaceAll(List<PendingStanza> entries) {
        bySequence.clear();
        byAckKey.clear();
        entries.forEach(this::add);
    }

    private static AckKey keyOf(Node stanza) {
        return new AckKey(stanza.tag(), stanza.attr("id"), stanza.attr("participant"));
    }
}
