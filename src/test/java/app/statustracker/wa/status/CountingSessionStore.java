package app.statustracker.wa.status;

import app.statustracker.wa.signal.InMemorySignalSessionStore;
import app.statustracker.wa.signal.SessionRecord;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalSessionStore;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory session store that counts its bulk calls, to hold the seam to one load and one store per batch. */
final class CountingSessionStore implements SignalSessionStore {
    private final InMemorySignalSessionStore delegate = new InMemorySignalSessionStore();
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger stores = new AtomicInteger();

    @Override
    public Map<SignalAddress, SessionRecord> loadAll(Collection<SignalAddress> addresses) {
        loads.incrementAndGet();
        return delegate.loadAll(addresses);
    }

    @Override
    public void storeAll(Map<SignalAddress, SessionRecord> records) {
        stores.incrementAndGet();
        delegate.storeAll(records);
    }

    @Override
    public void deleteAll(Collection<SignalAddress> addresses) {
        delegate.deleteAll(addresses);
    }

    void reset() {
        loads.set(0);
        stores.set(0);
    }
}
