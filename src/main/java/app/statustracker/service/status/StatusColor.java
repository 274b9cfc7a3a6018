package app.statustracker.service.status;

import app.statustracker.service.errors.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A status colour as the API takes it, {@code #RRGGBB} or {@code #AARRGGBB} (Baileys' backgroundColor form), turned
 * into the {@code 0xAARRGGBB} the ExtendedTextMessage carries (docs/protocol.md, Text and link statuses). Six digits
 * mean opaque ({@code FF} alpha), as in Baileys.
 */
public final class StatusColor {
    private static final Pattern HEX = Pattern.compile("#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})");

    private StatusColor() {
    }

    /** @return the ARGB value, or null when {@code raw} is null; throws naming {@code field} when malformed */
    public static Integer parse(String field, String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (!HEX.matcher(value).matches()) {
            throw new InvalidInputException(field + " must be a colour #RRGGBB or #AARRGGBB, got '" + abbreviate(raw) + "'");
        }
        long rgb = Long.parseLong(value.substring(1), 16);
        return (int) (value.length() == 7 ? 0xFF000000L | rgb : rgb);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
