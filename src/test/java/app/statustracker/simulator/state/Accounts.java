package app.statustracker.simulator.state;

import app.statustracker.wa.binary.Jid;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts the simulated server knows, by phone number (digits with country code). */
public final class Accounts {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Account> byPhone = new ConcurrentHashMap<>();
    private final Map<String, Account> byLid = new ConcurrentHashMap<>();
    private volatile DeviceChangeListener deviceChanges = (account, added, device) -> { };

    /** Told of every companion added to or removed from any account, after the change. */
    public interface DeviceChangeListener {
        void changed(Account account, boolean added, RegisteredDevice device);
    }

    public void onDeviceChange(DeviceChangeListener listener) {
        deviceChanges = listener;
    }

    /** Creates the account, or returns the existing one for that number. */
    public Account create(String phoneNumber) {
        if (!phoneNumber.matches("\\d{5,20}")) {
            throw new IllegalArgumentException("phone number must be digits with country code, got " + phoneNumber);
        }
        return byPhone.computeIfAbsent(phoneNumber, phone -> {
            Account account = new Account(phone, unusedLidUser(),
                    (changed, added, device) -> deviceChanges.changed(changed, added, device));
            byLid.put(account.lidUser(), account);
            return account;
        });
    }

    public Optional<Account> findByLid(String lidUser) {
        return Optional.ofNullable(byLid.get(lidUser));
    }

    /** The account behind a PN or LID JID (user or device); empty for other servers and unknown users. */
    public Optional<Account> resolve(Jid jid) {
        if (jid.isPhoneNumber()) {
            return find(jid.user());
        }
        return jid.isLid() ? findByLid(jid.user()) : Optional.empty();
    }

    public Optional<Account> resolve(String jid) {
        return Jid.tryParse(jid).flatMap(this::resolve);
    }

    private String unusedLidUser() {
        String lid = randomLidUser();
        while (byLid.containsKey(lid)) {
            lid = randomLidUser();
        }
        return lid;
    }

    public Optional<Account> find(String phoneNumber) {
        return Optional.ofNullable(byPhone.get(phoneNumber));
    }

    // LIDs are 15-digit numbers in the wild (docs/protocol.md, Simulator); starting with 1 keeps them 15 digits long
    private static String randomLidUser() {
        StringBuilder lid = new StringBuilder("1");
        for (int i = 1; i < 15; i++) {
            lid.append(RANDOM.nextInt(10));
        }
        return lid.toString();
    }
}
