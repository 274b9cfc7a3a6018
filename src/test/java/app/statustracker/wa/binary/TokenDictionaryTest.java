package app.statustracker.wa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource must be exactly Baileys' v3 dictionaries: the SHA-256 fingerprint of each list and a few known
 * positions (docs/protocol.md, Binary nodes). */
class TokenDictionaryTest {
    private final TokenDictionary tokens = TokenDictionary.v3();

    @Test
    void singleByteTokensMatchTheFingerprint() {
        assertEquals(236, tokens.singleByteTokens().size());
        assertEquals("1e8302d2aba0d8c40d09fd79fc9c70347350cb00926dd0e3565683b347be35a5",
                sha256(tokens.singleByteTokens()));
    }

    @Test
    void doubleByteDictionariesMatchTheFingerprints() {
        List<String> expected = List.of(
                "c19c763b07f7684fc58490eb838873edeec498d59bf4d56bbb33d8e7af4cb112",
                "e8894a798e1d92bc5f5f5cd1c2ffeef43a5c03acb1775b34d121ffe0a19b8f6a",
                "8f4081781e324d9ab95574b01ff37a44753403cebd0d1feeeb985661cc86cae8",
                "8e397aec42a6a503621910cf3d7a8f9e287e94192031265b6e55519e0e19fadc");
        for (int d = 0; d < 4; d++) {
            assertEquals(256, tokens.doubleByteTokens(d).size(), "dictionary " + d);
            assertEquals(expected.get(d), sha256(tokens.doubleByteTokens(d)), "dictionary " + d);
        }
    }

    @Test
    void knownPositions() {
        assertEquals(new TokenDictionary.Token(-1, 3), tokens.lookup("s.whatsapp.net"));
        assertEquals(new TokenDictionary.Token(-1, 25), tokens.lookup("iq"));
        assertEquals(new TokenDictionary.Token(-1, 230), tokens.lookup("device-identity"));
        assertEquals(new TokenDictionary.Token(0, 0), tokens.lookup("read-self"));
        assertEquals(new TokenDictionary.Token(1, 238), tokens.lookup("pair-device"));
        assertEquals(new TokenDictionary.Token(2, 60), tokens.lookup("failure"));
        assertEquals(null, tokens.lookup("pair-success"));
        assertEquals(null, tokens.lookup(""));
    }

    private static String sha256(List<String> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", entries).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
