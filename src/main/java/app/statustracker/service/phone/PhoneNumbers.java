package app.statustracker.service.phone;

import app.statustracker.service.errors.InvalidInputException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Phone numbers as the API stores them: digits only, with the country code (what WhatsApp puts before
 * {@code @s.whatsapp.net}). Input may carry a leading +, spaces, dashes, dots or brackets; libphonenumber then
 * checks that the country code exists and that the length is possible for that country.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    // compiled once: an audience of thousands of numbers is normalised per request
    private static final Pattern LEADING_PLUS = Pattern.compile("^\\+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{10,15}");
    /* the same audiences come back post after post; libphonenumber costs about as much as the rest of a post's
       validation, so accepted numbers are remembered (a few MB at most, emptied when full) */
    private static final int REMEMBERED = 20_000;
    private static final Map<String, String> ACCEPTED = new ConcurrentHashMap<>();

    private PhoneNumbers() {
    }

    /** @return the digits, or null for a null/blank input; throws for anything that is not a possible number */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String known = ACCEPTED.get(raw);
        if (known != null) {
            return known;
        }
        String normalised = check(raw);
        if (ACCEPTED.size() >= REMEMBERED) {
            ACCEPTED.clear();
        }
        ACCEPTED.put(raw, normalised);
        return normalised;
    }

    private static String check(String raw) {
        String digits = SEPARATORS.matcher(LEADING_PLUS.matcher(raw.strip()).replaceFirst("")).replaceAll("");
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidInputException("phoneNumber must be 10-15 digits including the country code");
        }
        try {
            PhoneNumber number = UTIL.parse("+" + digits, null);
            if (!UTIL.isPossibleNumber(number)) {
                throw new InvalidInputException("phoneNumber " + digits + " is not a possible number for country code +"
                        + number.getCountryCode());
            }
            return Integer.toString(number.getCountryCode()) + UTIL.getNationalSignificantNumber(number);
        } catch (NumberParseException e) {
            throw new InvalidInputException("phoneNumber " + digits + " has no valid country code");
        }
    }
}
