package org.tijian.kit.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON array of objects, one object at a time; the first object is row 1. Nested values
 * (e.g. a GeoJSON geometry) are kept as JSON text; nulls are left out.
 */
public final class JsonTabularReader implements TabularReader {

    private final JsonParser parser;
    private int rowNumber;
    private boolean finished;

    private JsonTabularReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * @return a reader, or null if the file is empty
     * @throws IllegalArgumentException if the file is not a JSON array
     */
    public static JsonTabularReader open(JsonMapper json, Path file) throws IOException {
        if (Files.size(file) == 0) {
            return null;
        }
        JsonParser parser = json.createParser(Files.newInputStream(file));
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JacksonException e) {
            parser.close();
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
        if (first == null) {
            parser.close();
            return null;
        }
        if (first != JsonToken.START_ARRAY) {
            parser.close();
            throw new IllegalArgumentException("the file must be a JSON array of objects");
        }
        return new JsonTabularReader(parser);
    }

    @Override
    public TabularRecord next() {
        if (finished) {
            return null;
        }
        rowNumber++;
        JsonNode node;
        try {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                finished = true;
                return null;
            }
            node = parser.readValueAsTree();
        } catch (JacksonException e) {
            // the stream cannot be resynchronised after a syntax error: report it and stop
            finished = true;
            close();
            return new TabularRecord.Unreadable(rowNumber, e.getOriginalMessage());
        }
        if (!node.isObject()) {
            return new TabularRecord.Unreadable(rowNumber, "not an object");
        }
        Map<String, String> fields = new HashMap<>();
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isNull()) {
                fields.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
            }
        }
        return new TabularRecord.Fields(rowNumber, fields);
    }

    @Override
    public void close() {
        parser.close();
    }
}
