package app.statustracker.service;

/**
 * Phone numbers as the API stores them: digits only, with the country code. Spaces, dashes, dots,
 * brackets and a leading + are accepted on input and dropped.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** @return the digits, or null for a null/blank input; throws for anything that is not 10-15 digits */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.strip().replaceFirst("^\\+", "").replaceAll("[\\s().-]", "");
        if (!digits.matches("[0-9]{10,15}")) {
            throw new InvalidInputException("phoneNumber must be 10-15 digits including the country code");
        }
        return digits;
    }
}
