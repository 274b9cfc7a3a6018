package app.statustracker.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON binding for the API: a field the contract does not know is an error, not silently dropped (a typo
 * in "targetNumbers" must not post a status to the wrong audience). Yasson's switch ("jsonb.fail-on-unknown-properties"); Payara and WildFly
 * both ship Yasson.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new StrictStringDeserializer()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
