package app.statustracker.service.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.domain.StatusType;
import app.statustracker.service.errors.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRequestValidatorTest {
    private static SendStatusInput text(String content) {
        return new SendStatusInput("text", content, null, null, null, null, null);
    }

    private static String refusal(SendStatusInput in) {
        return assertThrows(InvalidInputException.class, () -> StatusRequestValidator.validate(in)).getMessage();
    }

    @Test
    void aPlainTextStatusGoesToTheOwnNumberWhenNoTargetsAreGiven() {
        ValidatedStatus v = StatusRequestValidator.validate(text("Hello from the API"));
        assertEquals(StatusType.TEXT, v.type());
        assertEquals("Hello from the API", v.text());
        assertEquals("Hello from the API", v.content());
        assertTrue(v.audience().isEmpty());
        assertNull(v.backgroundArgb());
        assertNull(v.url());
    }

    @Test
    void textIsCountedInCharactersNotUtf16Units() {
        String emoji = "😀".repeat(700); // 1,400 UTF-16 units, 700 characters
        assertEquals(emoji, StatusRequestValidator.validate(text(emoji)).text());
        assertEquals("x".repeat(700), StatusRequestValidator.validate(text("x".repeat(700))).text());
        assertTrue(refusal(text("x".repeat(701))).contains("701 characters"));
        assertTrue(refusal(text("😀".repeat(701))).contains("at most 700"));
    }

    @Test
    void emptyOrMissingContentAndTypeAreRefused() {
        assertTrue(refusal(text("")).startsWith("content is required"));
        assertTrue(refusal(text("   \n ")).startsWith("content is required"));
        assertTrue(refusal(text(null)).startsWith("content is required"));
        assertTrue(refusal(new SendStatusInput(null, "x", null, null, null, null, null)).startsWith("type is required"));
        assertTrue(refusal(new SendStatusInput("audio", "x", null, null, null, null, null)).contains("'audio'"));
    }

    @Test
    void mediaNeedsContentTakesAnUploadNameOrAnHttpsLinkAndACaptionOfAtMost700() {
        for (String t : new String[] {"image", "video", "IMAGE"}) {
            String m = refusal(new SendStatusInput(t, null, null, null, null, null, null));
            assertTrue(m.startsWith("content is required"), m);
        }
        ValidatedStatus upload = StatusRequestValidator.validate(new SendStatusInput("image", " 1730000000-ab12.jpg ",
                " a caption ", null, null, null, null));
        assertEquals("1730000000-ab12.jpg", upload.content());
        assertEquals("a caption", upload.caption());
        assertEquals(null, upload.url());
        ValidatedStatus link = StatusRequestValidator.validate(new SendStatusInput("video",
                "https://cdn.example.com/v.mp4", null, null, null, null, null));
        assertEquals("https://cdn.example.com/v.mp4", link.url().toString());
        assertTrue(refusal(new SendStatusInput("image", "http://cdn.example.com/a.jpg", null, null, null, null, null))
                .contains("https://"));
        assertTrue(refusal(new SendStatusInput("image", "ftp://cdn.example.com/a.jpg", null, null, null, null, null))
                .contains("http"));
        assertTrue(refusal(new SendStatusInput("image", "a.jpg", "x".repeat(701), null, null, null, null))
                .contains("at most 700"));
        assertEquals(700, StatusRequestValidator.validate(new SendStatusInput("image", "a.jpg", "😀".repeat(700), null,
                null, null, null)).caption().codePointCount(0, 1400));
        assertTrue(refusal(new SendStatusInput("video", "a.mp4", null, null, "#000000", null, null))
                .contains("only for text"));
        assertTrue(refusal(new SendStatusInput("image", "a.jpg", null, null, null, null, 1)).contains("only for text"));
    }

    @Test
    void targetNumbersAreNormalisedDeduplicatedAndEachBadOneNamed() {
        ValidatedStatus v = StatusRequestValidator.validate(new SendStatusInput("text", "hi", null,
                "+91 98123-45678, 447700900123,919812345678,", null, null, null));
        assertEquals(List.of("919812345678", "447700900123"), v.audience());
        String m = refusal(new SendStatusInput("text", "hi", null, "919812345678,12ab", null, null, null));
        assertTrue(m.contains("'12ab'") && m.startsWith("targetNumbers"), m);
        assertTrue(refusal(new SendStatusInput("text", "hi", null, "123", null, null, null)).contains("'123'"));
        assertTrue(refusal(new SendStatusInput("text", "hi", null, "999123456789", null, null, null))
                .contains("999123456789"), "no country code 999");
        assertTrue(StatusRequestValidator.validate(new SendStatusInput("text", "hi", null, " , ", null, null, null))
                .audience().isEmpty(), "only separators: own number");
    }

    @Test
    void coloursAndFontsAreChecked() {
        ValidatedStatus v = StatusRequestValidator.validate(new SendStatusInput("text", "hi", null, null, "#1E6E4F",
                "#80ffffff", 9));
        assertEquals(0xFF1E6E4F, v.backgroundArgb());
        assertEquals(0x80FFFFFF, v.textArgb());
        assertEquals(9, v.font());
        for (String bad : new String[] {"1E6E4F", "#1E6E4", "#GGGGGG", "#1E6E4F0", "red", "#", ""}) {
            String m = refusal(new SendStatusInput("text", "hi", null, null, bad, null, null));
            assertTrue(m.startsWith("backgroundColor"), bad + ": " + m);
        }
        assertTrue(refusal(new SendStatusInput("text", "hi", null, null, null, "#12", null)).startsWith("textColor"));
        for (int font : new int[] {-1, 3, 4, 5, 11, 100}) {
            assertTrue(refusal(new SendStatusInput("text", "hi", null, null, null, null, font)).startsWith("font"));
        }
        for (int font : StatusFont.VALUES) {
            assertEquals(font, StatusRequestValidator.validate(new SendStatusInput("text", "hi", null, null, null, null,
                    font)).font());
        }
    }

    @Test
    void captionBelongsToLinksNotToTextStatuses() {
        assertTrue(refusal(new SendStatusInput("text", "hi", "cap", null, null, null, null)).startsWith("caption"));
    }

    @Test
    void linkStatusesTakeHttpLinksAndPutTheCaptionFirst() {
        ValidatedStatus v = StatusRequestValidator.validate(new SendStatusInput("url", " https://example.com/a?b=c ",
                "Look at this", null, "#000000", null, 1));
        assertEquals(StatusType.URL, v.type());
        assertEquals("https://example.com/a?b=c", v.content());
        assertEquals("Look at this", v.caption());
        assertEquals("Look at this\nhttps://example.com/a?b=c", v.text());
        assertEquals("example.com", v.url().getHost());
        assertEquals("http://example.com", StatusRequestValidator.validate(new SendStatusInput("url",
                "http://example.com", null, null, null, null, null)).text());
        for (String bad : new String[] {"ftp://example.com/x", "example.com", "javascript:alert(1)", "https://",
                "https://user:pw@example.com/", "http://exa mple.com", "file:///etc/passwd"}) {
            String m = refusal(new SendStatusInput("url", bad, null, null, null, null, null));
            assertTrue(m.startsWith("content"), bad + ": " + m);
        }
        String longCaption = "x".repeat(700);
        assertTrue(refusal(new SendStatusInput("url", "https://example.com", longCaption, null, null, null, null))
                .contains("at most 700"), "caption and link together are the status text");
    }
}
