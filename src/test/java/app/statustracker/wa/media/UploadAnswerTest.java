package app.statustracker.wa.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadAnswerTest {
    @Test
    void readsStringMembersAndSkipsTheRest() {
        Map<String, String> m = UploadAnswer.strings("{ \"url\": \"https://mmg.whatsapp.net/v/t62.7118-24/a.enc?ccb=11-4&oh=x\","
                + " \"direct_path\":\"\\/v\\/t62.7118-24\\/a.enc\", \"handle\": null, \"ts\": 1730000000,"
                + " \"nested\": {\"a\": [1, \"}\", {\"b\": \"]\"}]}, \"esc\": \"\\u00e9\\n\\\"\" }");
        assertEquals("https://mmg.whatsapp.net/v/t62.7118-24/a.enc?ccb=11-4&oh=x", m.get("url"));
        assertEquals("/v/t62.7118-24/a.enc", m.get("direct_path"));
        assertEquals("é\n\"", m.get("esc"));
        assertEquals(3, m.size());
        assertEquals(Map.of(), UploadAnswer.strings(" {} "));
    }

    @Test
    void refusesWhatIsNotAnObject() {
        for (String bad : new String[] {"", "[]", "\"x\"", "{\"url\" \"x\"}", "{\"url\": \"x\"", "{\"a\":\"\\q\"}"}) {
            assertThrows(IllegalArgumentException.class, () -> UploadAnswer.strings(bad), bad);
        }
    }
}
