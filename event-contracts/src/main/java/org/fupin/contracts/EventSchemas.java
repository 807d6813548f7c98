package org.fupin.contracts;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Validates an event's JSON against its schema; used by producers' tests and by consumers that want to check input. */
public final class EventSchemas {
    private EventSchemas() {
    }

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    public static JsonSchema schema(String type) {
        return CACHE.computeIfAbsent(type, t -> {
            try (InputStream in = EventSchemas.class.getResourceAsStream(EventCatalog.schemaResource(t))) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema for event type " + t);
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** @return the validation messages; empty when the JSON matches the schema */
    public static Set<String> validate(String type, String json) {
        try {
            Set<ValidationMessage> messages = schema(type).validate(json, com.networknt.schema.InputFormat.JSON);
            return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return Set.of("not valid JSON: " + e.getMessage());
        }
    }
}
