package app.statustracker.events;

import java.util.regex.Pattern;

/**
 * One event as every transport needs it, serialised once however many listeners there are: the name, the session it
 * belongs to (for listeners that follow one session), the data as JSON, the {@code /ws} envelope
 * {@code {"event": name, "data": {...}}}, and the Socket.IO event packet of the root namespace
 * ({@code 2["name",{...}]}), which the Socket.IO library would otherwise encode again for every client.
 *
 * @param supersedes for an event that carries a whole state (a status's viewer list): what it is the state of. A
 *                   newer event with the same value makes one still waiting in a listener's queue worthless.
 */
public record PublishedEvent(String name, String sessionId, String supersedes, String dataJson, String envelopeJson,
                             String socketIoPacket) {
    /** Our event names need no JSON escaping, which keeps the packets below plain concatenation. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public PublishedEvent(String name, String sessionId, String dataJson) {
        this(name, sessionId, null, dataJson);
    }

    public PublishedEvent(String name, String sessionId, String supersedes, String dataJson) {
        this(checked(name), sessionId, supersedes, dataJson,
                "{\"event\":\"" + name + "\",\"data\":" + dataJson + "}", "2[\"" + name + "\"," + dataJson + "]");
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event name " + name + " is not lower-case letters and digits joined by '-'");
        }
        return name;
    }
}
