package app.statustracker.wa.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our media encryption against the pinned Baileys' (commands/media.mjs): the same key expansion, files Baileys
 * encrypts open in Java with its hashes, and files Java encrypts are downloaded and decrypted by Baileys'
 * downloadContentFromMessage as a receiving phone would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaileysMediaCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private BaileysDriver baileys;
    private Random random;
    private long seed;

    @BeforeAll
    void start() {
        BaileysDriver.assumeAvailable();
        baileys = BaileysDriver.start();
        seed = Long.getLong("st.crossCheckSeed", new SecureRandom().nextLong());
        random = new Random(seed);
    }

    @AfterAll
    void stop() {
        if (baileys != null) {
            baileys.close();
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @CsvSource({"IMAGE, 0", "IMAGE, 1", "IMAGE, 16", "VIDEO, 33", "VIDEO, 100000"})
    void keysAndFilesAgreeBothWays(MediaType type, int length) throws Exception {
        String baileysType = type.stanzaMediaType();
        byte[] mediaKey = randomBytes(32);
        JsonObject keys = baileys.call("mediaKeys", Json.createObjectBuilder().add("type", baileysType)
                .add("mediaKey", HEX.formatHex(mediaKey)).build());
        MediaKeys ours = MediaKeys.expand(mediaKey, type);
        assertEquals(keys.getString("iv"), HEX.formatHex(ours.iv()), "seed " + seed);
        assertEquals(keys.getString("cipherKey"), HEX.formatHex(ours.cipherKey()), "seed " + seed);
        assertEquals(keys.getString("macKey"), HEX.formatHex(ours.macKey()), "seed " + seed);

        byte[] plain = randomBytes(length);
        JsonObject theirs = baileys.call("mediaEncrypt", Json.createObjectBuilder().add("type", baileysType)
                .add("plain", HEX.formatHex(plain)).build());
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        EncryptedMedia info = MediaCipher.decrypt(new ByteArrayInputStream(HEX.parseHex(theirs.getString("file"))),
                opened, HEX.parseHex(theirs.getString("mediaKey")), type);
        assertArrayEquals(plain, opened.toByteArray(), "seed " + seed);
        assertEquals(theirs.getString("fileSha256"), HEX.formatHex(info.fileSha256()));
        assertEquals(theirs.getString("fileEncSha256"), HEX.formatHex(info.fileEncSha256()));
        assertEquals(theirs.getInt("fileLength"), info.fileLength());

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MediaCipher.encrypt(new ByteArrayInputStream(plain), file, mediaKey, type);
        JsonObject decrypted = baileys.call("mediaDecrypt", Json.createObjectBuilder().add("type", baileysType)
                .add("mediaKey", HEX.formatHex(mediaKey)).add("file", HEX.formatHex(file.toByteArray())).build());
        assertEquals(HEX.formatHex(plain), decrypted.getString("plain"), "seed " + seed);
    }
}
