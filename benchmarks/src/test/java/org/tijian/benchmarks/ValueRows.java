package org.tijian.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * VALUE rows of the housing department ({@code dataElement,areaCode,value,unit,note}): four data elements it
 * owns per area, so key {@code k} is data element {@code k % 4} of area {@code k / 4}. Intake does not check the
 * area's level for values, so every generated area carries all four.
 */
final class ValueRows {

    static final String HEADER = "dataElement,areaCode,value,unit,note";
    /** Data elements of housing's U07 and U08 (RATIO indicators, CITY level) with their units. */
    static final List<String[]> DATA_ELEMENTS = List.of(
            new String[] {"U08_GREEN_BUILDING_AREA", "万平方米"},
            new String[] {"U08_NEW_BUILDING_AREA", "万平方米"},
            new String[] {"U07_ROAD_LENGTH", "公里"},
            new String[] {"U07_BUILT_UP_AREA", "平方公里"});

    private final List<String> areas;

    ValueRows(List<String> areas) {
        this.areas = areas;
    }

    /** How many distinct keys there are per check year. */
    long keys() {
        return (long) areas.size() * DATA_ELEMENTS.size();
    }

    /** Keys {@code [first, first + count)} as a CSV file. */
    Path write(Path file, long first, long count) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            StringBuilder line = new StringBuilder(64);
            for (long key = first; key < first + count; key++) {
                line.setLength(0);
                appendRow(line, key);
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Keys {@code [first, first + count)} as CSV text. */
    String text(long first, long count) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (long key = first; key < first + count; key++) {
            appendRow(out, key);
            out.append('\n');
        }
        return out.toString();
    }

    String area(long key) {
        return areas.get((int) (key / DATA_ELEMENTS.size()));
    }

    String[] dataElement(long key) {
        return DATA_ELEMENTS.get((int) (key % DATA_ELEMENTS.size()));
    }

    private void appendRow(StringBuilder out, long key) {
        String[] element = dataElement(key);
        long tenths = (key * 7919) % 100_000;
        out.append(element[0]).append(',').append(area(key)).append(',')
                .append(tenths / 10).append('.').append(tenths % 10).append(',').append(element[1]).append(',');
    }
}
