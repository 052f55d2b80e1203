package org.tijian.kit.tabular;

import java.util.Map;

/** One record of an uploaded table (a CSV line, a JSON object): its fields by name, or why it cannot be read. */
public sealed interface TabularRecord {

    /** As the user counts: in a CSV the header is row 1; in a JSON array the first object is row 1. */
    int rowNumber();

    /**
     * @param values by field name: in a CSV every column (the header's names in lower case; cells may be
     *     blank), in JSON every non-null member
     */
    record Fields(int rowNumber, Map<String, String> values) implements TabularRecord {
    }

    record Unreadable(int rowNumber, String reason) implements TabularRecord {
    }
}
