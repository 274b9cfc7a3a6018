package app.statustracker.service;

import app.statustracker.domain.AuthMethod;
import app.statustracker.domain.LinkState;
import app.statustracker.domain.Session;
import app.statustracker.persistence.SessionStateRepository;
import app.statustracker.runtime.SessionRuntime;
import app.statustracker.service.errors.ConflictException;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.phone.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** Linking a session to a phone: its connection status, pairing codes, QR codes and pairing number. */
@ApplicationScoped
public class SessionLinkService {
    @Inject
    SessionService sessions;

    @Inject
    SessionRuntime runtime;

    @Inject
    SessionStateRepository stateRepository;

    public record ConnectionStatus(String sessionId, boolean connected, String status, String reason,
                                   String authMethod, String pairingCode, String qrCode, String phoneNumber,
                                   String ownNumber, String ownLid) {
    }

    public record PairingCodeView(String sessionId, String pairingCode, String phoneNumber, String status) {
    }

    public ConnectionStatus connectionStatus(String sessionId) {
        Session s = sessions.get(sessionId);
        boolean linked = s.getState() == LinkState.CONNECTED;
        String qr = linked ? null : runtime.qrCode(sessionId).map(QrImages::pngDataUrl).orElse(null);
        String code = linked ? null : runtime.pairingCode(sessionId).orElse(null);
        return new ConnectionStatus(sessionId, linked, s.getState().wire(), s.getStateReason(), s.getAuthMethod().wire(),
                code, qr, s.getPhoneNumber(), s.getOwnNumber(), s.getOwnLid());
    }

    public PairingCodeView pairingCode(String sessionId) {
        Session s = sessions.get(sessionId);
        requirePairing(s);
        String code = s.getState() == LinkState.CONNECTED ? null : runtime.pairingCode(sessionId).orElse(null);
        return new PairingCodeView(sessionId, code, s.getPhoneNumber(), s.getState().wire());
    }

    /** A fresh code on the open connection; answers once WhatsApp issued it (or with null if it is still coming). */
    public PairingCodeView requestPairingCode(String sessionId) {
        Session s = sessions.get(sessionId);
        requirePairing(s);
        if (s.getState() == LinkState.CONNECTED || s.getOwnNumber() != null && s.getState() != LinkState.LOGGED_OUT) {
            throw new ConflictException("Session " + sessionId + " is already linked; a pairing code is only valid before");
        }
        String code;
        try {
            code = runtime.requestPairingCode(sessionId, null).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            code = null; // the code still arrives by event and in connection-status
        }
        return new PairingCodeView(sessionId, code != null ? code : runtime.pairingCode(sessionId).orElse(null),
                s.getPhoneNumber(), sessions.get(sessionId).getState().wire());
    }

    public Session updatePhoneNumber(String sessionId, String rawPhone) {
        String phone = PhoneNumbers.normalise(rawPhone);
        if (phone == null) {
            throw new InvalidInputException("phoneNumber is required: 10-15 digits including the country code");
        }
        sessions.get(sessionId);
        stateRepository.updatePhone(sessionId, phone);
        Session updated = sessions.get(sessionId);
        if (updated.getAuthMethod() == AuthMethod.PAIRING && updated.getOwnNumber() == null) {
            runtime.requestPairingCode(sessionId, phone); // pair again, with the new number
        }
        return updated;
    }

    private static void requirePairing(Session s) {
        if (s.getAuthMethod() != AuthMethod.PAIRING) {
            throw new InvalidInputException("Session " + s.getSessionId() + " links by QR code, not by pairing code");
        }
    }
}
