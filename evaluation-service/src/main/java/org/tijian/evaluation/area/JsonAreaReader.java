package org.tijian.evaluation.area;

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

/** Reads a JSON array of area objects, one object at a time; rows are numbered from 1. */
public final class JsonAreaReader implements AreaRowReader {

    private final JsonMapper json;
    private final JsonParser parser;
    private int rowNumber;
    private boolean finished;

    private JsonAreaReader(JsonMapper json, JsonParser parser) {
        this.json = json;
        this.parser = parser;
    }

    /** @return a reader, or null if the file is empty */
    public static JsonAreaReader open(JsonMapper json, Path file) throws IOException {
        if (Files.size(file) == 0) {
            return null;
        }
        JsonParser parser = json.createParser(Files.newInputStream(file));
        JsonToken first = parser.nextToken();
        if (first == null) {
            parser.close();
            return null;
        }
        if (first != JsonToken.START_ARRAY) {
            parser.close();
            throw new IllegalArgumentException("a JSON area file is an array of objects");
        }
        return new JsonAreaReader(json, parser);
    }

    @Override
    public AreaRow next() {
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
            AreaRow rejected = new AreaRow.Rejected(rowNumber, new RowProblem(rowNumber, AreaError.MALFORMED_ROW,
                    e.getOriginalMessage()));
            finished = true;
            close();
            return rejected;
        }
        if (!node.isObject()) {
            return new AreaRow.Rejected(rowNumber, new RowProblem(rowNumber, AreaError.MALFORMED_ROW, "not an object"));
        }
        Map<String, String> fields = new HashMap<>();
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            fields.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
        }
        return AreaFields.toRow(rowNumber, fields);
    }

    @Override
    public void close() {
        parser.close();
    }
}
