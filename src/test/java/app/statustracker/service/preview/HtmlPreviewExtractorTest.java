package app.statustracker.service.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlPreviewExtractorTest {
    private static final URI BASE = URI.create("https://example.com/news/item.html");

    private static PageMetadata extract(String html) {
        return HtmlPreviewExtractor.extract(html.getBytes(StandardCharsets.UTF_8), "utf-8", BASE);
    }

    @Test
    void openGraphWinsOverTwitterAndThePlainTags() {
        PageMetadata m = extract("<html><head><title>Plain title</title>"
                + "<meta name=\"description\" content=\"plain description\">"
                + "<meta name=\"twitter:title\" content=\"Twitter title\">"
                + "<meta property=\"og:title\" content=\"  OG   title &amp; more \">"
                + "<meta property=\"og:description\" content=\"OG description\">"
                + "<meta property=\"og:image\" content=\"/img/cover.jpg\"></head>"
                + "<body><img src=\"/first.png\"></body></html>");
        assertEquals("OG title & more", m.title());
        assertEquals("OG description", m.description());
        assertEquals(URI.create("https://example.com/img/cover.jpg"), m.image());
    }

    @Test
    void fallsBackToTitleDescriptionAndTheFirstRealImage() {
        PageMetadata m = extract("<html><head><title>\n Plain\ttitle </title>"
                + "<meta name=\"Description\" content=\"plain description\"></head><body>"
                + "<img src=\"data:image/png;base64,AAAA\"><img src=\"pics/a b.png\"></body></html>");
        assertEquals("Plain title", m.title());
        assertEquals("plain description", m.description());
        assertEquals(URI.create("https://example.com/news/pics/a%20b.png"), m.image());
    }

    @Test
    void nothingUsefulGivesNulls() {
        PageMetadata m = extract("<html><body><p>no head at all</p><img src=\"javascript:x\"></body></html>");
        assertNull(m.title());
        assertNull(m.description());
        assertNull(m.image());
    }

    @Test
    void longTextIsCappedAndTheCharsetOfThePageIsHonoured() {
        PageMetadata m = extract("<title>" + "word ".repeat(200) + "</title>");
        assertEquals(HtmlPreviewExtractor.MAX_TITLE, m.title().codePointCount(0, m.title().length()));
        assertTrue(m.title().endsWith("…"));
        byte[] latin1 = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 cr\u00e8me</title></head></html>"
                .getBytes(Charset.forName("windows-1252"));
        assertEquals("Caf\u00e9 cr\u00e8me", HtmlPreviewExtractor.extract(latin1, null, BASE).title());
        assertEquals("Caf\u00e9 cr\u00e8me", HtmlPreviewExtractor.extract(latin1, "windows-1252", BASE).title());
    }
}
