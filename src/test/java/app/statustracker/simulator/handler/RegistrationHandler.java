package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A registration payload gets the pair-device iq (docs/protocol.md, Pairing): {@code type="set"} (Baileys subscribes
 * to exactly that), {@code xmlns="md"}, six refs as bytes (60 s + 5 × 20 s of QR codes). The refs stay on the
 * connection for the QR-scan step of a later issue.
 */
public final class RegistrationHandler implements PayloadHandler {
    public static final int REF_COUNT = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void onPayload(SimConnection connection, RecordedClientPayload payload) {
        List<String> refs = new ArrayList<>();
        List<Node> refNodes = new ArrayList<>();
        for (int i = 0; i < REF_COUNT; i++) {
            String ref = newRef();
            refs.add(ref);
            refNodes.add(Node.builder("ref").bytes(ref.getBytes(StandardCharsets.US_ASCII)).build());
        }
        connection.rememberPairingRefs(refs);
        connection.send(Node.builder("iq").attr("from", Stanzas.SERVER).attr("type", "set")
                .attr("id", connection.newStanzaId()).attr("xmlns", "md")
                .children(Node.builder("pair-device").children(refNodes).build())
                .build());
    }

    // refs are opaque ASCII of about 30 characters in the wild (docs/protocol.md, Pairing)
    private static String newRef() {
        byte[] random = new byte[21];
        RANDOM.nextBytes(random);
        return "2@" + Base64.getEncoder().encodeToString(random);
    }
}
