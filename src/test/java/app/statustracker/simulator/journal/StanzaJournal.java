package app.statustracker.simulator.journal;

import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Every stanza the simulator saw, both directions, all connections, in order — what tests inspect and
 * wait on. Waiting scans the whole history, so a stanza that arrived before the wait began still counts.
 */
public final class StanzaJournal {
    private final List<SeenStanza> entries = new ArrayList<>();

    public synchronized SeenStanza record(String connectionId, Direction direction, Node node) {
        SeenStanza seen = new SeenStanza(entries.size() + 1L, connectionId, direction, node, Instant.now());
        entries.add(seen);
        notifyAll();
        return seen;
    }

    public synchronized List<SeenStanza> all() {
        return List.copyOf(entries);
    }

    public synchronized List<SeenStanza> forConnection(String connectionId) {
        return entries.stream().filter(seen -> seen.connectionId().equals(connectionId)).toList();
    }

    public synchronized Optional<SeenStanza> find(Predicate<SeenStanza> matches) {
        return entries.stream().filter(matches).findFirst();
    }

    /** The first recorded stanza that matches, waiting up to {@code timeout} for one; empty on timeout. */
    public synchronized Optional<SeenStanza> await(Predicate<SeenStanza> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        while (true) {
            for (; scanned < entries.size(); scanned++) {
                if (matches.test(entries.get(scanned))) {
                    return Optional.of(entries.get(scanned));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Whatever the stanza after {@code sequence} holds; for "what happened since" assertions. */
    public synchronized List<SeenStanza> since(long sequence) {
        return entries.stream().filter(seen -> seen.sequence() > sequence).toList();
    }

    public synchronized long lastSequence() {
        return entries.size();
    }
}
