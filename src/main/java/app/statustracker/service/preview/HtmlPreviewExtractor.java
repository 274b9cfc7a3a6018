package app.statustracker.service.preview;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the preview of an HTML page the way link previews commonly do: Open Graph first ({@code og:title},
 * {@code og:description}, {@code og:image}), then Twitter cards, then the plain {@code <title>}, meta description
 * and the first image on the page. Text is whitespace-collapsed and capped so a page cannot send a novel.
 */
final class HtmlPreviewExtractor {
    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 500;

    private HtmlPreviewExtractor() {
    }

    /** @param charset the server's declared charset, or null to let the page's meta tag (or UTF-8) decide */
    static PageMetadata extract(byte[] html, String charset, URI base) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), supported(charset), base.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory does not fail
        }
        String title = first(meta(doc, "og:title"), meta(doc, "twitter:title"), doc.title());
        String description = first(meta(doc, "og:description"), meta(doc, "twitter:description"),
                meta(doc, "description"));
        URI image = firstUri(base, meta(doc, "og:image:secure_url"), meta(doc, "og:image"), meta(doc, "og:image:url"),
                meta(doc, "twitter:image"), meta(doc, "twitter:image:src"), attr(doc, "link[rel=image_src]", "href"),
                attr(doc, "img[src]", "src"));
        return new PageMetadata(cap(title, MAX_TITLE), cap(description, MAX_DESCRIPTION), image);
    }

    private static String meta(Document doc, String key) {
        for (Element e : doc.select("meta[property], meta[name]")) {
            if (key.equalsIgnoreCase(e.attr("property")) || key.equalsIgnoreCase(e.attr("name"))) {
                String content = e.attr("content");
                if (!content.isBlank()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String attr(Document doc, String selector, String attribute) {
        for (Element e : doc.select(selector)) {
            String v = e.attr(attribute);
            if (!v.isBlank() && !v.strip().regionMatches(true, 0, "data:", 0, 5)) {
                return v;
            }
        }
        return null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static URI firstUri(URI base, String... candidates) {
        for (String c : candidates) {
            if (c == null || c.isBlank()) {
                continue;
            }
            try {
                URI u = base.resolve(new URI(c.strip().replace(" ", "%20")));
                String scheme = u.getScheme();
                if ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) {
                    return u;
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // a malformed candidate: try the next one
            }
        }
        return null;
    }

    private static String cap(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\s+", " ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String supported(String charset) {
        try {
            return charset != null && java.nio.charset.Charset.isSupported(charset) ? charset : null;
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return null;
        }
    }
}
