package app.statustracker.wa.status;

import static app.statustracker.wa.status.StatusSenderTest.ALICE;
import static app.statustracker.wa.status.StatusSenderTest.ALICE_LID;
import static app.statustracker.wa.status.StatusSenderTest.BOB;
import static app.statustracker.wa.status.StatusSenderTest.BOB_LID;
import static app.statustracker.wa.status.StatusSenderTest.OWN_LID;
import static app.statustracker.wa.status.StatusSenderTest.POSTER;
import static app.statustracker.wa.status.StatusSenderTest.participants;
import static app.statustracker.wa.status.StatusSenderTest.queriedUsers;
import static app.statustracker.wa.status.StatusSenderTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.testing.MutableClock;
import app.statustracker.wa.binary.Jid;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link StatusSender} with a {@link DeviceListCache} (docs/protocol.md, Device lists): a second post to the same
 * people asks usync nothing, and only what is missing, stale or said to have changed is asked again.
 */
class CachedDeviceListsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
    final ScriptedWhatsApp server = new ScriptedWhatsApp();
    final FakeStatusEncryption encryption = new FakeStatusEncryption();
    final DeviceListCache deviceLists = new DeviceListCache(Duration.ofMinutes(5), 1000, clock);
    final List<Collection<Jid>> mappingLookups = new CopyOnWriteArrayList<>();
    final LidMappingStore mappings = new LidMappingStore() {
        final InMemoryLidMappingStore stored = new InMemoryLidMappingStore();

        @Override
        public Map<Jid, Jid> lidsForPhoneNumbers(Collection<Jid> phoneNumbers) {
            mappingLookups.add(List.copyOf(phoneNumbers));
            return stored.lidsForPhoneNumbers(phoneNumbers);
        }

        @Override
        public Map<Jid, Jid> phoneNumbersForLids(Collection<Jid> lids) {
            return stored.phoneNumbersForLids(lids);
        }

        @Override
        public void store(Map<Jid, Jid> phoneNumberToLid) {
            stored.store(phoneNumberToLid);
        }
    };
    final StatusSender sender = new StatusSender(encryption, mappings, deviceLists,
            new InMemorySenderKeyHolders(), new InMemoryRecentStatuses(), Runnable::run, new SecureRandom(), clock,
            Duration.ofSeconds(5));

    CachedDeviceListsTest() {
        StatusSenderTest.addAccounts(server);
    }

    @Test
    void aSecondPostToTheSamePeopleAsksNothingAndStillReachesEveryDevice() throws Exception {
        post(ALICE, BOB);
        post(ALICE, BOB);

        assertEquals(1, server.usyncQueries.size());
        assertEquals(1, mappingLookups.size(), "the mappings came with the cached lists");
        // every device holds the key from the first post: the users are named bare
        assertEquals(Set.of(ALICE_LID + "@lid", BOB_LID + "@lid", OWN_LID + "@lid"),
                participants(server.messages.get(1)).keySet());
        assertEquals(1, encryption.pairwiseBatches.size(), "no device was missing from the cached lists");
    }

    @Test
    void onlyANewcomerIsAskedFor() throws Exception {
        post(ALICE);
        post(ALICE, BOB);

        assertEquals(2, server.usyncQueries.size());
        assertEquals(List.of(BOB + "@s.whatsapp.net"), queriedUsers(server.usyncQueries.get(1)));
    }

    @Test
    void aDevicesNotificationByPhoneNumberMakesThatContactBeAskedAgain() throws Exception {
        post(ALICE, BOB);
        server.addDevice(ALICE, 3);
        deviceLists.forget(Jid.of(ALICE, Jid.USER_SERVER)); // what <notification type="devices" from=PN> does
        post(ALICE, BOB);

        assertEquals(List.of(ALICE_LID + "@lid"), queriedUsers(server.usyncQueries.get(1)));
        assertEquals(true, participants(server.messages.get(1)).containsKey(ALICE_LID + ":3@lid"),
                "the new device is addressed");
    }

    @Test
    void listsOlderThanTheirLifetimeAreAskedForAgain() throws Exception {
        post(ALICE, BOB);
        clock.advance(Duration.ofMinutes(5));
        post(ALICE, BOB);

        assertEquals(List.of(ALICE_LID + "@lid", BOB_LID + "@lid", OWN_LID + "@lid"),
                queriedUsers(server.usyncQueries.get(1)));
    }

    @Test
    void aRefusedPostForgetsTheListsItWentTo() throws Exception {
        post(ALICE, BOB);
        server.ackMode = ScriptedWhatsApp.AckMode.REFUSE_479;
        rejected(sender.post(server, POSTER, TextStatus.plain("refused"), List.of(ALICE, BOB)));
        server.ackMode = ScriptedWhatsApp.AckMode.ACCEPT;
        post(ALICE, BOB);

        assertEquals(2, server.usyncQueries.size(), "the refused post used the cache, the next one asked");
        assertEquals(List.of(ALICE_LID + "@lid", BOB_LID + "@lid", OWN_LID + "@lid"),
                queriedUsers(server.usyncQueries.get(1)));
    }

    private void post(String... phones) throws Exception {
        sender.post(server, POSTER, TextStatus.plain("hi"), List.of(phones)).get(5, TimeUnit.SECONDS);
    }
}
