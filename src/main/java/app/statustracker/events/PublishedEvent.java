package app.statustracker.events;

/**
 * One event as every transport needs it, serialised once however many listeners there are: the name, the session it
 * belongs to (for listeners that follow one session), the data as JSON, and the {@code /ws} envelope
 * {@code {"event": name, "data": {...}}}.
 */
public record PublishedEvent(String name, String sessionId, String dataJson, String envelopeJson) {
}
