package app.statustracker.runtime.events;

/** A new QR code to scan; {@code qrCode} is the linking string (the events layer renders the image). */
public record QrCodeIssued(String sessionId, String qrCode) {
}
