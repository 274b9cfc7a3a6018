package app.statustracker.service.status;

/**
 * A send-status request as the caller wrote it (the seed's fields plus the text-status extensions), not yet
 * checked. Every field may be null.
 */
public record SendStatusInput(String type, String content, String caption, String targetNumbers,
                              String backgroundColor, String textColor, Integer font) {
}
