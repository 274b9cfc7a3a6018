package app.statustracker.service.preview;

import java.net.URI;
import java.util.Locale;

/** A fetched page or image: where it finally came from (after redirects), its media type and its (capped) body. */
record FetchedResource(URI uri, String contentType, byte[] body, boolean truncated) {
    String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset the server declared, or null. */
    String charset() {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    boolean isHtml() {
        return mediaType().equals("text/html") || mediaType().equals("application/xhtml+xml");
    }

    boolean isImage() {
        return mediaType().startsWith("image/");
    }
}
