package app.statustracker.service.status;

import app.statustracker.service.errors.InvalidInputException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The text-status fonts WhatsApp knows: the ExtendedTextMessage FontType values of
 * docs/protocol.md, Text and link statuses (SYSTEM 0, SYSTEM_TEXT 1, FB_SCRIPT 2, SYSTEM_BOLD 6,
 * MORNINGBREEZE_REGULAR 7, CALISTOGA_REGULAR 8, EXO2_EXTRABOLD 9, COURIERPRIME_BOLD 10). 3-5 are not defined: a phone
 * would not know how to draw them.
 */
public final class StatusFont {
    public static final Set<Integer> VALUES = Set.of(0, 1, 2, 6, 7, 8, 9, 10);

    private StatusFont() {
    }

    public static Integer check(Integer font) {
        if (font != null && !VALUES.contains(font)) {
            throw new InvalidInputException("font must be one of " + new TreeSet<>(VALUES) + " (WhatsApp's text-status "
                    + "fonts), got " + font);
        }
        return font;
    }
}
