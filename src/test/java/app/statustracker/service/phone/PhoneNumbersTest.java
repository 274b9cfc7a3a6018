package app.statustracker.service.phone;

import app.statustracker.service.errors.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource({
            "919812345678, 919812345678",
            "'+91 98123-45678', 919812345678",
            "'+1 (555) 123-4567', 15551234567",
            "'+44 20 7946 0958', 442079460958",
            "4915123456789, 4915123456789",
    })
    void normalisesToDigitsWithCountryCode(String input, String expected) {
        assertEquals(expected, PhoneNumbers.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12ab", "123", "1234567890123456", "+0 123 456 7890", "999123456789", "4412"})
    void refusesWhatCannotBeANumber(String input) {
        assertThrows(InvalidInputException.class, () -> PhoneNumbers.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankIsAbsent(String input) {
        assertNull(PhoneNumbers.normalise(input));
    }
}
