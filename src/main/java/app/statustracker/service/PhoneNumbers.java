package app.statustracker.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as the API stores them: digits only, with the country code (what WhatsApp puts before
 * {@code @s.whatsapp.net}). Input may carry a leading +, spaces, dashes, dots or brackets; libphonenumber then
 * checks that the country code exists and that the length is possible for that country.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** @return the digits, or null for a null/blank input; throws for anything that is not a possible number */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.strip().replaceFirst("^\\+", "").replaceAll("[\\s().-]", "");
        if (!digits.matches("[0-9]{10,15}")) {
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
