package app.statustracker.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The V3 tables on both databases: sealed bulk records, LID map, sender-key holders, cascades, storage figures. */
class SignalStateTablesTest {
    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("postgresql", (Supplier<MigratedDatabase>) MigratedDatabase::postgres),
                Arguments.of("h2", (Supplier<MigratedDatabase>) MigratedDatabase::h2));
    }

    private static KeyMaterialCipher cipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new KeyMaterialCipher(key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sealedRecordsRoundTripInBulkAndStaySealed(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long pk = d.insertSession("acc1");
            long other = d.insertSession("acc2");
            SealedRecordRepository repo = new SealedRecordRepository(d.dataSource(), cipher());
            Map<String, byte[]> sessions = new HashMap<>();
            for (int i = 0; i < 1_000; i++) {
                sessions.put("1555000" + i + "." + (i % 3), ("session-" + i).getBytes(StandardCharsets.UTF_8));
            }
            repo.store(SealedTable.SIGNAL_SESSIONS, pk, sessions);
            repo.store(SealedTable.SIGNAL_SESSIONS, other, Map.of("15550000.0", new byte[] {9}));
            List<String> wanted = new ArrayList<>(sessions.keySet());
            wanted.add("99999.1"); // absent
            Map<String, byte[]> loaded = repo.load(SealedTable.SIGNAL_SESSIONS, pk, wanted);
            assertEquals(1_000, loaded.size());
            for (Map.Entry<String, byte[]> e : sessions.entrySet()) {
                assertArrayEquals(e.getValue(), loaded.get(e.getKey()), e.getKey());
            }
            // replacing keeps one row per key
            repo.store(SealedTable.SIGNAL_SESSIONS, pk, Map.of("15550000.0", new byte[] {1, 2, 3}));
            assertArrayEquals(new byte[] {1, 2, 3}, repo.load(SealedTable.SIGNAL_SESSIONS, pk, "15550000.0").orElseThrow());
            assertArrayEquals(new byte[] {9}, repo.load(SealedTable.SIGNAL_SESSIONS, other, "15550000.0").orElseThrow());
            assertEquals(1_001, d.count("SELECT COUNT(*) FROM signal_sessions"));

            // the database holds only ciphertext, bound to its row
            try (Connection c = d.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT data FROM signal_sessions WHERE session_pk = ? AND record_key = '15550001.1'")) {
                ps.setLong(1, pk);
                ResultSet rs = ps.executeQuery();
                assertTrue(rs.next());
                byte[] stored = rs.getBytes(1);
                assertTrue(!new String(stored, StandardCharsets.ISO_8859_1).contains("session-1"));
                try (PreparedStatement move = c.prepareStatement(
                        "UPDATE signal_sessions SET data = ? WHERE session_pk = ? AND record_key = '15550002.2'")) {
                    move.setBytes(1, stored);
                    move.setLong(2, pk);
                    move.executeUpdate();
                }
            }
            assertThrows(KeyMaterialUnreadableException.class,
                    () -> repo.load(SealedTable.SIGNAL_SESSIONS, pk, "15550002.2"));

            assertEquals(2, repo.delete(SealedTable.SIGNAL_SESSIONS, pk, List.of("15550003.0", "15550004.1", "nope.0")));
            assertEquals(998, repo.deleteWithPrefix(SealedTable.SIGNAL_SESSIONS, pk, "1555000"), "all but the two");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void prefixDeletionTreatsWildcardsLiterally(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long pk = d.insertSession("acc1");
            SealedRecordRepository repo = new SealedRecordRepository(d.dataSource(), cipher());
            repo.store(SealedTable.SIGNAL_SESSIONS, pk, Map.of("1000_1.0", new byte[] {1}, "1000_1.3", new byte[] {2},
                    "1000X1.0", new byte[] {3}, "10000.1", new byte[] {4}));
            assertEquals(2, repo.deleteWithPrefix(SealedTable.SIGNAL_SESSIONS, pk, "1000_1."));
            assertEquals(Set.of("1000X1.0", "10000.1"),
                    repo.load(SealedTable.SIGNAL_SESSIONS, pk, List.of("1000_1.0", "1000_1.3", "1000X1.0", "10000.1"))
                            .keySet());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lidMapsHoldersAndEverythingGoWithTheSession(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long pk = d.insertSession("acc1");
            LidMappingRepository lids = new LidMappingRepository(d.dataSource());
            lids.store(pk, Map.of("100001", "15550001111", "100002", "15550002222"));
            lids.store(pk, Map.of("100002", "15550003333")); // corrected
            assertEquals(Map.of("100001", "15550001111", "100002", "15550003333"),
                    lids.pnByLid(pk, List.of("100001", "100002", "100009")));
            assertEquals(Map.of("15550003333", "100002"), lids.lidByPn(pk, List.of("15550003333", "15550002222")));

            SenderKeyHolderRepository holders = new SenderKeyHolderRepository(d.dataSource());
            holders.add(pk, "status@broadcast", List.of("100001:2@lid", "100002@lid"));
            holders.add(pk, "status@broadcast", List.of("100002@lid", "100003:1@lid"));
            assertEquals(Set.of("100001:2@lid", "100002@lid", "100003:1@lid"), holders.holders(pk, "status@broadcast"));
            assertEquals(3, holders.clear(pk, "status@broadcast"));
            assertTrue(holders.holders(pk, "status@broadcast").isEmpty());
            holders.add(pk, "status@broadcast", List.of("100001:2@lid"));

            SealedRecordRepository repo = new SealedRecordRepository(d.dataSource(), cipher());
            for (SealedTable t : SealedTable.values()) {
                repo.store(t, pk, Map.of("k.1", new byte[] {1}));
            }
            StorageQueries storage = new StorageQueries("postgresql".equals(name));
            assertTrue(storage.tables().containsAll(List.of("signal_identities", "signal_sessions", "sender_keys",
                    "lid_mappings", "sender_key_holders")));
            try (Connection c = d.connect(); ResultSet rs = c.createStatement().executeQuery(storage.perSessionSql())) {
                assertTrue(rs.next());
                for (int i = 0; i < storage.tables().size(); i++) {
                    String table = storage.tables().get(i);
                    if (!table.startsWith("status")) {
                        boolean expected = !table.equals("device_credentials") && !table.equals("pre_keys");
                        assertEquals(expected, rs.getLong(i + 2) > 0, table + " bytes");
                    }
                }
            }

            repo.forgetSession(pk);
            for (SealedTable t : SealedTable.values()) {
                assertEquals(0, d.count("SELECT COUNT(*) FROM " + t.table()));
            }
            assertEquals(0, d.count("SELECT COUNT(*) FROM sender_key_holders"));
            assertEquals(2, d.count("SELECT COUNT(*) FROM lid_mappings"), "facts about contacts outlive a logout");

            repo.store(SealedTable.SENDER_KEYS, pk, Map.of("status@broadcast::1000_1::0", new byte[] {1}));
            d.execute("DELETE FROM sessions WHERE id = " + pk);
            for (String t : new String[] {"signal_identities", "signal_sessions", "sender_keys", "lid_mappings",
                    "sender_key_holders"}) {
                assertEquals(0, d.count("SELECT COUNT(*) FROM " + t), t + " cascades");
            }
        }
    }
}
