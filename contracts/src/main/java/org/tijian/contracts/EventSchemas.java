package org.tijian.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Derives the JSON Schema (draft 2020-12) of an event record from its components, so the
 * schemas published in {@code resources/schemas} can be checked against the code by a test.
 */
public final class EventSchemas {

    public static String schemaOf(EventType type) {
        Class<? extends Record> record = type.recordType();
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n");
        json.append("  \"$id\": \"https://tijian.org/schemas/").append(record.getSimpleName()).append(".schema.json\",\n");
        json.append("  \"title\": \"").append(record.getSimpleName()).append("\",\n");
        json.append("  \"description\": \"CloudEvents type ").append(type.cloudEventType())
                .append(" on topic ").append(type.topic()).append("\",\n");
        json.append(objectBody(record, "  "));
        json.append("}\n");
        return json.toString();
    }

    private static String objectBody(Class<?> record, String indent) {
        StringBuilder json = new StringBuilder();
        json.append(indent).append("\"type\": \"object\",\n");
        json.append(indent).append("\"additionalProperties\": false,\n");
        json.append(indent).append("\"properties\": {\n");
        List<String> properties = new ArrayList<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            boolean nullable = component.isAnnotationPresent(MayBeNull.class);
            properties.add(indent + "  \"" + component.getName() + "\": "
                    + typeOf(component.getGenericType(), nullable, indent + "  "));
            if (!nullable) {
                required.add("\"" + component.getName() + "\"");
            }
        }
        json.append(String.join(",\n", properties)).append("\n").append(indent).append("},\n");
        json.append(indent).append("\"required\": [").append(String.join(", ", required)).append("]\n");
        return json.toString();
    }

    private static String typeOf(Type type, boolean nullable, String indent) {
        String schema = typeOf(type, indent);
        if (!nullable) {
            return schema;
        }
        return "{ \"anyOf\": [" + schema + ", { \"type\": \"null\" }] }";
    }

    private static String typeOf(Type type, String indent) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return "{ \"type\": \"array\", \"items\": " + typeOf(parameterized.getActualTypeArguments()[0], indent)
                    + " }";
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("unsupported event field type " + type);
        }
        if (c.isRecord()) {
            return "{\n" + objectBody(c, indent + "  ") + indent + "}";
        }
        if (c == String.class) {
            return "{ \"type\": \"string\" }";
        }
        if (c == UUID.class) {
            return "{ \"type\": \"string\", \"format\": \"uuid\" }";
        }
        if (c == Instant.class) {
            return "{ \"type\": \"string\", \"format\": \"date-time\" }";
        }
        if (c == LocalDate.class) {
            return "{ \"type\": \"string\", \"format\": \"date\" }";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "{ \"type\": \"integer\" }";
        }
        if (c == BigDecimal.class || c == double.class) {
            return "{ \"type\": \"number\" }";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "{ \"type\": \"boolean\" }";
        }
        if (c.isEnum()) {
            return "{ \"type\": \"string\", \"enum\": ["
                    + Arrays.stream(c.getEnumConstants()).map(e -> "\"" + ((Enum<?>) e).name() + "\"")
                            .collect(Collectors.joining(", "))
                    + "] }";
        }
        throw new IllegalArgumentException("unsupported event field type " + c.getName());
    }

    private EventSchemas() {
    }
}
