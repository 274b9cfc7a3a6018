package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** A {@link LidMappingStore} in two maps, for tests and clients without a database. */
public final class InMemoryLidMappingStore implements LidMappingStore {
    private final Map<Jid, Jid> lidByPhoneNumber = new HashMap<>();
    private final Map<Jid, Jid> phoneNumberByLid = new HashMap<>();

    @Override
    public synchronized Map<Jid, Jid> lidsForPhoneNumbers(Collection<Jid> phoneNumbers) {
        return lookUp(lidByPhoneNumber, phoneNumbers);
    }

    @Override
    public synchronized Map<Jid, Jid> phoneNumbersForLids(Collection<Jid> lids) {
        return lookUp(phoneNumberByLid, lids);
    }

    @Override
    public synchronized void store(Map<Jid, Jid> phoneNumberToLid) {
        phoneNumberToLid.forEach((pn, lid) -> {
            Jid previous = lidByPhoneNumber.put(pn.withoutDevice(), lid.withoutDevice());
            if (previous != null && !previous.equals(lid.withoutDevice())) {
                phoneNumberByLid.remove(previous);
            }
            phoneNumberByLid.put(lid.withoutDevice(), pn.withoutDevice());
        });
    }

    private static Map<Jid, Jid> lookUp(Map<Jid, Jid> map, Collection<Jid> keys) {
        Map<Jid, Jid> found = new HashMap<>();
        for (Jid key : keys) {
            Jid value = map.get(key.withoutDevice());
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }
}
