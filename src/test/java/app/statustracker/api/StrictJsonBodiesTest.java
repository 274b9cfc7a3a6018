package app.statustracker.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.service.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonBodiesTest {
    /** A request class as the API's are: public fields. */
    public static class Sample {
        public String name;
        public String note;
    }

    @Test
    void aWellFormedObjectOfKnownFieldsPasses() {
        assertDoesNotThrow(() -> check("{\"name\":\"a\",\"note\":{\"x\":[1,{\"x\":2}],\"y\":null}}"));
        assertDoesNotThrow(() -> check("{}"));
    }

    @Test
    void whatTheBindingWouldTakeOrExplainBadlyIsRefusedByName() {
        assertEquals("The request body must be a JSON object, not an array", refusal("[]"));
        assertEquals("The request body must be a JSON object, not a string", refusal("\"x\""));
        assertEquals("The request body must be a JSON object, not a number", refusal("12"));
        assertEquals("The request body must be a JSON object, not a boolean", refusal("false"));
        assertEquals("The request body must be a JSON object, not null", refusal("null"));
        assertEquals("Duplicate field 'name' in the JSON body", refusal("{\"name\":\"a\",\"name\":\"b\"}"));
        assertEquals("Duplicate field 'x' in the JSON body", refusal("{\"note\":{\"x\":1,\"x\":2}}"),
                "at any depth");
        assertEquals("Unknown field 'nmae'; this request takes name, note", refusal("{\"nmae\":\"a\"}"));
        assertEquals("The request body is empty: send a JSON object", refusal(""));
        assertEquals("The JSON body nests deeper than 32 levels", refusal("{\"note\":" + "[".repeat(5000)));
        assertTrue(refusal("{\"name\":").startsWith("Malformed JSON body at line 1, column "));
    }

    @Test
    void theSameKeyInSiblingObjectsIsNoDuplicate() {
        assertDoesNotThrow(() -> check("{\"note\":[{\"x\":1},{\"x\":2}]}"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StrictJsonBodies.check(latin1, Sample.class));
        assertEquals("The request body is not valid UTF-8", e.getMessage());
        assertDoesNotThrow(() -> check("{\"name\":\"caf\u00e9 \uD83D\uDE00\"}"));
    }

    private static void check(String json) {
        StrictJsonBodies.check(json.getBytes(StandardCharsets.UTF_8), Sample.class);
    }

    private static String refusal(String json) {
        return assertThrows(InvalidInputException.class, () -> check(json)).getMessage();
    }
}
