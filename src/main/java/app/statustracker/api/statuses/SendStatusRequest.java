package app.statustracker.api.statuses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/sessions/:id/send-status}: the seed's fields, plus the text-status extensions
 * (background colour, text colour, font). A class with public fields, not a record (see CreateSessionRequest).
 * Checks happen in the service, so that every refusal reads alike whichever field it is about.
 */
public class SendStatusRequest {
    @Schema(description = "text | url | image | video", example = "text", required = true)
    public String type;

    @Schema(description = "The status text (at most 700 characters); for type url the http(s) link; for image and "
            + "video the filename upload-image / upload-video answered, or an https:// link to the file",
            example = "Hello from the API", required = true)
    public String content;

    @Schema(description = "For url: text shown above the link; for image and video: text under it (at most 700 "
            + "characters)")
    public String caption;

    @Schema(description = "Comma-separated phone numbers with country code; empty = your own number",
            example = "919812345678,447700900123")
    public String targetNumbers;

    @Schema(description = "Text and link statuses: background colour #RRGGBB or #AARRGGBB", example = "#1E6E4F")
    public String backgroundColor;

    @Schema(description = "Text and link statuses: text colour #RRGGBB or #AARRGGBB", example = "#FFFFFF")
    public String textColor;

    @Schema(description = "Text and link statuses: WhatsApp font 0, 1, 2, 6, 7, 8, 9 or 10", example = "0")
    public Integer font;
}
