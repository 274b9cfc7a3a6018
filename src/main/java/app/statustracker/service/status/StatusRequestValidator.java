package app.statustracker.service.status;

import app.statustracker.domain.StatusType;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.phone.PhoneNumbers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a send-status request means something we can post, before anything is stored or sent. Every
 * refusal names the field and what is wrong with it.
 *
 * <p>Limits: a text status holds at most {@value #MAX_TEXT} characters (Unicode code points), the cap of the
 * WhatsApp apps' text-status composer, which {@code StatusFlowIT} posts in full; an audience at most
 * {@value #MAX_AUDIENCE} numbers; a link at most {@value #MAX_URL} characters. An image or video caption is held
 * to the same {@value #MAX_TEXT} characters.
 */
public final class StatusRequestValidator {
    public static final int MAX_TEXT = 700;
    public static final int MAX_AUDIENCE = 10_000;
    public static final int MAX_URL = 2_048;

    private StatusRequestValidator() {
    }

    public static ValidatedStatus validate(SendStatusInput in) {
        StatusType type = type(in.type());
        if (in.content() == null || in.content().isBlank()) {
            throw new InvalidInputException("content is required: the status text, the link for type url, or an "
                    + "uploaded filename or https:// media link for image and video");
        }
        Integer background = StatusColor.parse("backgroundColor", in.backgroundColor());
        Integer textColor = StatusColor.parse("textColor", in.textColor());
        Integer font = StatusFont.check(in.font());
        List<String> audience = audience(in.targetNumbers());
        String caption = in.caption() == null || in.caption().isBlank() ? null : in.caption().strip();
        return switch (type) {
            case TEXT -> {
                if (caption != null) {
                    throw new InvalidInputException("caption is only for media and url statuses; a text status is all "
                            + "content");
                }
                String text = checkedText("content", in.content());
                yield new ValidatedStatus(type, text, null, text, null, audience, background, textColor, font);
            }
            case URL -> {
                URI url = url(in.content().strip());
                // the link goes last, after the optional caption, as the WhatsApp apps write a shared link
                String text = checkedText("caption with the link", caption == null ? url.toString()
                        : caption + "\n" + url);
                yield new ValidatedStatus(type, url.toString(), caption, text, url, audience, background, textColor,
                        font);
            }
            case IMAGE, VIDEO -> {
                if (background != null || textColor != null || font != null) {
                    throw new InvalidInputException("backgroundColor, textColor and font are only for text and url "
                            + "statuses; an " + type.wire() + " status has a caption at most");
                }
                if (caption != null) {
                    checkedText("caption", caption);
                }
                String content = in.content().strip();
                URI mediaUrl = looksLikeLink(content) ? mediaUrl(content) : null;
                yield new ValidatedStatus(type, content, caption, caption, mediaUrl, audience, null, null, null);
            }
        };
    }

    private static StatusType type(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("type is required: text, image, video or url");
        }
        return StatusType.fromWire(raw.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new InvalidInputException("type must be text, image, video or url, got '" + abbreviate(raw) + "'"));
    }

    private static String checkedText(String field, String text) {
        if (text.isBlank()) {
            throw new InvalidInputException(field + " must not be empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            throw new InvalidInputException(field + " is " + length + " characters; a text status holds at most "
                    + MAX_TEXT);
        }
        return text;
    }

    private static boolean looksLikeLink(String content) {
        return content.contains("://") || content.regionMatches(true, 0, "http", 0, 4);
    }

    /** A media file to fetch: https only, since the file goes out as the user's own status. */
    private static URI mediaUrl(String raw) {
        URI uri = url(raw);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidInputException("content must be an uploaded filename or an https:// link to the media; "
                    + "plain http is not fetched");
        }
        return uri;
    }

    static URI url(String raw) {
        if (raw.length() > MAX_URL) {
            throw new InvalidInputException("content must be a link of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("content must be an http:// or https:// link, got '" + abbreviate(raw) + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("content must be an http:// or https:// link with a host, got '"
                    + abbreviate(raw) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("content must not carry a user name or password in the link");
        }
        return uri;
    }

    /** Comma-separated numbers, each normalised; duplicates collapse. Empty means the account's own number. */
    static List<String> audience(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        Set<String> numbers = new LinkedHashSet<>();
        List<String> entries = new ArrayList<>(List.of(raw.split(",", -1)));
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue; // "a,b," and "a, ,b": a stray comma is not a number
            }
            try {
                numbers.add(PhoneNumbers.normalise(entry));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("targetNumbers: '" + abbreviate(entry.strip()) + "' is not a valid phone "
                        + "number (10-15 digits including the country code)");
            }
            if (numbers.size() > MAX_AUDIENCE) {
                throw new InvalidInputException("targetNumbers holds more than " + MAX_AUDIENCE + " numbers");
            }
        }
        return List.copyOf(numbers);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
