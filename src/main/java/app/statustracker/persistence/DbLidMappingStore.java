package app.statustracker.persistence;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.status.LidMappingStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** PN ↔ LID users known to one linked device, in {@code lid_mappings} (user parts only; the servers are implied). */
public final class DbLidMappingStore implements LidMappingStore {
    private final LidMappingRepository repository;
    private final long sessionPk;

    public DbLidMappingStore(LidMappingRepository repository, long sessionPk) {
        this.repository = repository;
        this.sessionPk = sessionPk;
    }

    @Override
    public Map<Jid, Jid> lidsForPhoneNumbers(Collection<Jid> phoneNumbers) {
        Map<String, Jid> byUser = users(phoneNumbers);
        Map<Jid, Jid> found = new LinkedHashMap<>();
        repository.lidByPn(sessionPk, byUser.keySet())
                .forEach((pn, lid) -> found.put(byUser.get(pn), Jid.of(lid, Jid.LID_SERVER)));
        return found;
    }

    @Override
    public Map<Jid, Jid> phoneNumbersForLids(Collection<Jid> lids) {
        Map<String, Jid> byUser = users(lids);
        Map<Jid, Jid> found = new LinkedHashMap<>();
        repository.pnByLid(sessionPk, byUser.keySet())
                .forEach((lid, pn) -> found.put(byUser.get(lid), Jid.of(pn, Jid.USER_SERVER)));
        return found;
    }

    @Override
    public void store(Map<Jid, Jid> phoneNumberToLid) {
        Map<String, String> pnByLid = new LinkedHashMap<>();
        phoneNumberToLid.forEach((pn, lid) -> pnByLid.put(lid.user(), pn.user()));
        repository.store(sessionPk, pnByLid);
    }

    private static Map<String, Jid> users(Collection<Jid> jids) {
        Map<String, Jid> byUser = new HashMap<>();
        jids.forEach(j -> byUser.put(j.user(), j));
        return byUser;
    }
}
