package app.statustracker.wa.noise;

import app.statustracker.wa.crypto.AesGcm;
import app.statustracker.wa.crypto.DecryptionFailedException;

/**
 * One direction of the post-handshake transport: AES-256-GCM with IV = 8 zero bytes ‖ uint32 counter and
 * empty associated data; the counter starts at 0 and grows by one per frame (docs/protocol.md, Connection). Use one
 * instance to encrypt everything we send and a separate one to decrypt everything we receive.
 * Methods are synchronized so a reader and a keep-alive writer cannot interleave a counter.
 */
public final class TransportCipher {
    private final AesGcm cipher;
    private long counter;

    public TransportCipher(byte[] key) {
        this.cipher = new AesGcm(key);
    }

    public synchronized byte[] encrypt(byte[] plaintext) throws CounterExhaustedException {
        byte[] iv = nextIv();
        return cipher.encrypt(iv, null, plaintext);
    }

    /** Decrypts the next frame; a frame that does not authenticate is refused and the counter does not move. */
    public synchronized byte[] decrypt(byte[] ciphertext) throws DecryptionFailedException, CounterExhaustedException {
        if (counter >= CounterNonce.LIMIT) {
            throw new CounterExhaustedException();
        }
        byte[] plaintext = cipher.decrypt(CounterNonce.iv(counter), null, ciphertext);
        counter++;
        return plaintext;
    }

    /** How many frames this direction has processed, i.e. the counter the next frame will use. */
    public synchronized long counter() {
        return counter;
    }

    private byte[] nextIv() throws CounterExhaustedException {
        if (counter >= CounterNonce.LIMIT) {
            throw new CounterExhaustedException();
        }
        return CounterNonce.iv(counter++);
    }
}
