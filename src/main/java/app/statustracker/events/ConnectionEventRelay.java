package app.statustracker.events;

import app.statustracker.runtime.events.ConnectionChanged;
import app.statustracker.runtime.events.PairingCodeIssued;
import app.statustracker.runtime.events.QrCodeIssued;
import app.statustracker.service.QrImages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The runtime's linking events as the seed names them: connection-status, pairing-code, qr-code. */
@ApplicationScoped
public class ConnectionEventRelay {
    @Inject
    EventBroadcaster broadcaster;

    void connection(@Observes ConnectionChanged e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", e.sessionId());
        data.put("connected", e.connected());
        data.put("status", e.status());
        data.put("reason", e.reason());
        data.put("ownNumber", e.ownNumber());
        data.put("ownLid", e.ownLid());
        data.values().removeIf(java.util.Objects::isNull);
        broadcaster.publish("connection-status", data);
    }

    void pairingCode(@Observes PairingCodeIssued e) {
        broadcaster.publish("pairing-code", Map.of("sessionId", e.sessionId(), "pairingCode", e.pairingCode(),
                "phoneNumber", e.phoneNumber() == null ? "" : e.phoneNumber()));
    }

    void qrCode(@Observes QrCodeIssued e) {
        broadcaster.publish("qr-code", Map.of("sessionId", e.sessionId(), "qrCode", QrImages.pngDataUrl(e.qrCode())));
    }
}
