package app.statustracker.runtime.events;

/** WhatsApp issued a pairing code to type on the phone. */
public record PairingCodeIssued(String sessionId, String pairingCode, String phoneNumber) {
}
