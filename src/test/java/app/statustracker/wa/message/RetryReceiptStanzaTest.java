package app.statustracker.wa.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.SignedPreKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry receipt we send for a message we could not decrypt (docs/protocol.md, Retries), and its count. */
class RetryReceiptStanzaTest {
    static final Node FAILED = Node.builder("message").attr("from", "status@broadcast")
            .attr("participant", "100000000000009:3@lid").attr("id", "3EB0AB").attr("t", "1700000000")
            .attr("type", "text").build();

    @Test
    void firstRetryCarriesCountRegistrationAndNoKeys() {
        Node receipt = RetryReceiptStanza.build(FAILED, 1, 0x1234, null);
        Node expected = Node.builder("receipt").attr("to", "status@broadcast").attr("id", "3EB0AB").attr("type", "retry")
                .attr("participant", "100000000000009:3@lid").children(
                        Node.builder("retry").attr("count", "1").attr("id", "3EB0AB").attr("t", "1700000000")
                                .attr("v", "1").build(),
                        Node.builder("registration").bytes(new byte[] {0, 0, 0x12, 0x34}).build()).build();
        assertEquals(expected, receipt);
    }

    @Test
    void keysCarryIdentityOneTimeAndSignedPreKeyAndDeviceIdentity() {
        Curve25519KeyPair identity = Curve25519.generateKeyPair();
        SignedPreKey signed = SignedPreKey.generate(identity, 0x010203);
        PreKey oneTime = PreKey.generate(0x0A0B0C);
        Node receipt = RetryReceiptStanza.build(FAILED, 2, 77,
                new RetryKeys(identity.publicKey(), oneTime, signed, new byte[] {4, 5}));
        Node keys = receipt.child("keys").orElseThrow();
        assertEquals(List.of("type", "identity", "key", "skey", "device-identity"),
                keys.children().stream().map(Node::tag).toList());
        assertArrayEquals(new byte[] {5}, keys.child("type").orElseThrow().contentBytes());
        assertArrayEquals(identity.publicKey(), keys.child("identity").orElseThrow().contentBytes());
        Node key = keys.child("key").orElseThrow();
        assertArrayEquals(new byte[] {0x0A, 0x0B, 0x0C}, key.child("id").orElseThrow().contentBytes());
        assertArrayEquals(oneTime.keyPair().publicKey(), key.child("value").orElseThrow().contentBytes());
        Node skey = keys.child("skey").orElseThrow();
        assertArrayEquals(new byte[] {1, 2, 3}, skey.child("id").orElseThrow().contentBytes());
        assertTrue(signed.isSignedBy(identity.publicKey()));
        assertArrayEquals(signed.signature(), skey.child("signature").orElseThrow().contentBytes());
        assertArrayEquals(new byte[] {4, 5}, keys.child("device-identity").orElseThrow().contentBytes());
        assertEquals("2", receipt.child("retry").orElseThrow().attr("count"));
        assertThrows(IllegalArgumentException.class, () -> RetryReceiptStanza.build(FAILED, 0, 1, null));
    }

    @Test
    void theCounterStopsAfterFourAndResumesFromARetriedMessagesCount() {
        RetryCounter counter = new RetryCounter();
        for (int expected = 1; expected <= RetryCounter.MAX_RETRIES; expected++) {
            assertEquals(expected, counter.next("a", 0));
        }
        assertEquals(0, counter.next("a", 0), "no fifth retry");
        assertEquals(3, counter.next("b", 2), "a re-send with count 2 after a restart asks for the 3rd time");
        counter.forget("a");
        assertEquals(1, counter.next("a", 0));
    }
}
