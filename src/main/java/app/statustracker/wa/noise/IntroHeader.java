package app.statustracker.wa.noise;

/**
 * The 4 bytes a client sends once, before its first frame: 'W', 'A', magic 6, binary dictionary version 3
 * (docs/protocol.md, Connection). The same 4 bytes are the Noise prologue: both ends mix them into h first.
 * Baileys' optional "ED" edge-routing prefix is not supported; a server that never hands out routing
 * info never receives it.
 */
public final class IntroHeader {
    private static final byte[] WHATSAPP = {'W', 'A', 6, 3};

    private IntroHeader() {
    }

    /** A fresh copy of {@code 57 41 06 03}. */
    public static byte[] whatsApp() {
        return WHATSAPP.clone();
    }
}
