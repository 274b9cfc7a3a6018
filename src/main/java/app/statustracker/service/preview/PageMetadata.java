package app.statustracker.service.preview;

import java.net.URI;

/** What a page says about itself for a preview; any part may be null. */
record PageMetadata(String title, String description, URI image) {
}
