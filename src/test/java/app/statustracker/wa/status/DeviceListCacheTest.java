package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.testing.MutableClock;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceListCacheTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
    static final Jid ALICE_LID = Jid.of("100000000000002", Jid.LID_SERVER);
    static final Jid ALICE_PN = Jid.of("15550000002", Jid.USER_SERVER);
    static final Jid BOB_LID = Jid.of("100000000000003", Jid.LID_SERVER);

    @Test
    void answersFreshListsOnly() {
        DeviceListCache cache = new DeviceListCache(Duration.ofMinutes(5), 10, clock);
        cache.store(ALICE_LID, ALICE_PN, List.of(0, 1));
        assertEquals(Optional.of(List.of(0, 1)), cache.devices(ALICE_LID));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), cache.devices(ALICE_LID));
    }

    @Test
    void forgetsByLidByPhoneNumberAndByDevice() {
        DeviceListCache cache = new DeviceListCache(Duration.ofMinutes(5), 10, clock);
        cache.store(ALICE_LID, ALICE_PN, List.of(0, 1));
        cache.store(BOB_LID, null, List.of(0));
        cache.forget(ALICE_PN.withDevice(3));
        cache.forget(BOB_LID);
        assertEquals(0, cache.size());
    }

    @Test
    void neverKeepsAnEmptyListAndKeepsNothingWhenOff() {
        DeviceListCache cache = new DeviceListCache(Duration.ofMinutes(5), 10, clock);
        cache.store(ALICE_LID, ALICE_PN, List.of());
        assertEquals(Optional.empty(), cache.devices(ALICE_LID));
        DeviceListCache off = new DeviceListCache(Duration.ZERO, 10, clock);
        off.store(ALICE_LID, ALICE_PN, List.of(0));
        assertEquals(Optional.empty(), off.devices(ALICE_LID));
    }

    @Test
    void dropsTheOldestBeyondItsSizeAndSweepsExpiredEntries() {
        DeviceListCache cache = new DeviceListCache(Duration.ofMinutes(5), 2, clock);
        for (int i = 0; i < 5; i++) {
            cache.store(Jid.of("10000000000001" + i, Jid.LID_SERVER), null, List.of(0));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(2, cache.size());
        assertTrue(cache.devices(Jid.of("100000000000014", Jid.LID_SERVER)).isPresent());
        clock.advance(Duration.ofMinutes(10));
        cache.store(ALICE_LID, null, List.of(0));
        assertEquals(1, cache.size(), "expired entries go as a new one arrives");
    }

    @Test
    void aDevicesNotificationNamesItsSenderAndTheDevicesOwners() {
        Node notification = Node.builder("notification").attr("type", "devices")
                .attr("from", "15550000002@s.whatsapp.net").attr("id", "n1").children(Node.builder("add").children(
                        Node.builder("device").attr("jid", "15550000002:3@s.whatsapp.net").attr("key-index", "2")
                                .build(),
                        Node.builder("device").attr("jid", "100000000000002:3@lid").build()).build())
                .build();
        assertTrue(DevicesNotification.matches(notification));
        assertEquals(Set.of(ALICE_PN, ALICE_LID), DevicesNotification.users(notification));
        assertEquals(false, DevicesNotification.matches(Node.builder("notification").attr("type", "encrypt").build()));
    }
}
